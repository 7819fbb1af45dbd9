package dev.fulcrum.controlplane.telemetry;

/**
 * The most one tenant may add to each sum in one release; larger usage is clamped to it. These
 * are the sensitivities the noise is calibrated to: lower bounds mean less noise but more
 * clamping of heavy users.
 *
 * @param maxRequests per-tenant cap on the request count
 * @param maxTokens per-tenant cap on the token sum
 */
public record ContributionBounds(long maxRequests, long maxTokens) {
  public ContributionBounds {
    if (maxRequests < 1 || maxTokens < 1) {
      throw new IllegalArgumentException("contribution bounds must be at least 1");
    }
  }

  long clampRequests(long requests) {
    return Math.min(requests, maxRequests);
  }

  long clampTokens(long tokens) {
    return Math.min(tokens, maxTokens);
  }
}
