package dev.fulcrum.controlplane.rollout;

/**
 * Shadow pairs over a rollout window.
 *
 * @param pairs pairs observed (primary answer + shadow answer to the same request)
 * @param agreed pairs where both answered and the outputs were similar enough
 * @param shadowErrors pairs where the shadow failed
 */
public record ShadowStats(long pairs, long agreed, long shadowErrors) {
  public static final ShadowStats EMPTY = new ShadowStats(0, 0, 0);

  /** Agreed over pairs; NaN without pairs. */
  public double agreement() {
    return pairs == 0 ? Double.NaN : (double) agreed / pairs;
  }
}
