package dev.fulcrum.core.routing;

import java.util.Objects;

/**
 * A version that receives a sampled copy of the traffic, asynchronously, without ever affecting
 * the caller's answer.
 *
 * @param target the shadow version and its routes
 * @param sampleRate the fraction of requests mirrored, in (0, 1]
 */
public record Shadow(VersionRoutes target, double sampleRate) {
  public Shadow {
    Objects.requireNonNull(target, "target");
    if (!(sampleRate > 0 && sampleRate <= 1)) {
      throw new IllegalArgumentException("shadow sample rate must be within (0, 1]");
    }
  }
}
