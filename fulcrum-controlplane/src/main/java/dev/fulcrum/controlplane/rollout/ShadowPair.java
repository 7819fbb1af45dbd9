package dev.fulcrum.controlplane.rollout;

import java.time.Duration;
import java.util.Objects;

/**
 * One request answered by the serving version and mirrored to the shadow. Carries no prompt or
 * answer text: only ids, timings, outcomes and the similarity computed elsewhere.
 *
 * @param requestId the request's {@code x-fulcrum-request-id}
 * @param similarity how alike the two answers are (e.g. embedding cosine, -1 to 1); NaN when
 *     one side failed and there was nothing to compare
 */
public record ShadowPair(String requestId, String primaryVersion, String shadowVersion,
    Duration primaryLatency, Duration shadowLatency, boolean primaryFailed, boolean shadowFailed,
    double similarity) {
  public ShadowPair {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(primaryVersion, "primaryVersion");
    Objects.requireNonNull(shadowVersion, "shadowVersion");
    Objects.requireNonNull(primaryLatency, "primaryLatency");
    Objects.requireNonNull(shadowLatency, "shadowLatency");
    if (requestId.length() > 128) {
      throw new IllegalArgumentException("request ids are limited to 128 characters");
    }
    if (!Double.isNaN(similarity) && !(similarity >= -1.0001 && similarity <= 1.0001)) {
      throw new IllegalArgumentException("similarity must be within [-1, 1] or NaN");
    }
  }

  /** Whether both answered and {@code similarity} reaches {@code threshold}. */
  public boolean agrees(double threshold) {
    return !primaryFailed && !shadowFailed && similarity >= threshold;
  }
}
