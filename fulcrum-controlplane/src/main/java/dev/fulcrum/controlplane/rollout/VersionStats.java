package dev.fulcrum.controlplane.rollout;

/**
 * One version's requests over a rollout window.
 *
 * @param requests observations in the window
 * @param errors those that failed
 * @param p95Millis the 95th-percentile latency in milliseconds, from a log-scale histogram
 *     whose bins are 10% wide (reported as the bin's upper edge, so never understated by more
 *     than 0 and overstated by at most 10%); NaN without requests
 */
public record VersionStats(long requests, long errors, double p95Millis) {
  public static final VersionStats EMPTY = new VersionStats(0, 0, Double.NaN);

  /** Errors over requests; NaN without requests. */
  public double errorRate() {
    return requests == 0 ? Double.NaN : (double) errors / requests;
  }
}
