package dev.fulcrum.controlplane.rollout;

import java.time.Duration;

/**
 * Log-scale latency bins: bin 0 holds {@code < 1 ms}; bin {@code i ≥ 1} holds {@code
 * [1.1^(i-1), 1.1^i)} ms; the last bin also holds everything above (~1 hour). A percentile is
 * reported as the upper edge of its bin, so it is never understated and at most 10% overstated.
 */
final class LatencyHistogram {
  static final int BINS = 160;
  private static final double LOG_BASE = Math.log(1.1);

  private LatencyHistogram() {}

  static int bin(Duration latency) {
    double millis = latency.toNanos() / 1e6;
    if (millis < 1) {
      return 0;
    }
    return (int) Math.min(BINS - 1, 1 + Math.floor(Math.log(millis) / LOG_BASE));
  }

  static double upperEdgeMillis(int bin) {
    return Math.pow(1.1, bin);
  }

  /**
   * The {@code quantile} (0-1) of the counts in {@code counts[offset … offset + BINS)}, in
   * milliseconds; NaN when they are all zero.
   */
  static double quantileMillis(long[] counts, int offset, double quantile) {
    long n = 0;
    for (int i = 0; i < BINS; i++) {
      n += counts[offset + i];
    }
    if (n == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(quantile * n);
    long seen = 0;
    for (int i = 0; i < BINS; i++) {
      seen += counts[offset + i];
      if (seen >= rank) {
        return upperEdgeMillis(i);
      }
    }
    return upperEdgeMillis(BINS - 1);
  }
}
