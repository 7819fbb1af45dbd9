package dev.fulcrum.gateway.metrics;

import java.time.Duration;

/**
 * Histogram bucket boundaries. Fixed boundaries (rather than Micrometer's ~70 percentile buckets)
 * keep series few and recording cheap, and still let Prometheus derive P50/P95/P99 with {@code
 * histogram_quantile}. They span an in-process embedding (~1 ms) to a long generation (2 min).
 */
final class Buckets {
  private Buckets() {}

  /** Request latency. */
  static final Duration[] LATENCY = durations(1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000,
      2_500, 5_000, 10_000, 30_000, 60_000, 120_000);

  /** Audit appends: a group commit takes a few milliseconds; seconds mean trouble. */
  static final Duration[] AUDIT = durations(0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1_000,
      5_000);

  /**
   * Cost of one request in millionths of a US dollar. Micro-dollars because Micrometer places a
   * summary's value in a bucket after rounding it up to a whole number: in dollars every request
   * would land in the 1-dollar bucket.
   */
  static final double[] COST_MICRO_USD = {1, 10, 100, 500, 1_000, 5_000, 10_000, 50_000,
      100_000, 500_000, 1_000_000, 5_000_000};

  /** Completion tokens per second of one request. */
  static final double[] TOKENS_PER_SECOND = {1, 5, 10, 25, 50, 100, 250, 500, 1_000, 5_000};

  private static Duration[] durations(double... millis) {
    Duration[] out = new Duration[millis.length];
    for (int i = 0; i < millis.length; i++) {
      out[i] = Duration.ofNanos((long) (millis[i] * 1_000_000));
    }
    return out;
  }
}
