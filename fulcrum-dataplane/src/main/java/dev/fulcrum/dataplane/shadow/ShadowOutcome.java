package dev.fulcrum.dataplane.shadow;

import java.time.Duration;
import java.util.Objects;

/**
 * One mirrored request: the primary's and the shadow's latency, whether the shadow failed, and
 * how alike their answers were (NaN when it failed). Carries no answer text.
 *
 * @param requestId the caller's request
 * @param model the model
 * @param primaryVersion the version that answered the caller
 * @param shadowVersion the version that received the copy
 */
public record ShadowOutcome(String requestId, String model, String primaryVersion,
    String shadowVersion, Duration primaryLatency, Duration shadowLatency, boolean shadowFailed,
    double similarity) {
  public ShadowOutcome {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(primaryVersion, "primaryVersion");
    Objects.requireNonNull(shadowVersion, "shadowVersion");
    Objects.requireNonNull(primaryLatency, "primaryLatency");
    Objects.requireNonNull(shadowLatency, "shadowLatency");
  }
}
