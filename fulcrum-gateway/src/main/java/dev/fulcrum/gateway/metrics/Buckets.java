package dev.fulcrum.gateway.metrics;

import java.time.Duration;

/**
 * Histogram bucket boundaries. Fixed boundaries (rather than Micrometer's ~70 percentile buckets)
 * keep series few and recording cheap, and still let Prometheus derive P50/P95/P99 with {@code
 * histogram_quantile}.
 */
final class Buckets {
  private Buckets() {}

  /** Request latency in seconds: from an in-process embedding (~1 ms) to a long generation. */
  static final double[] LATENCY_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
      0.5, 1, 2.5, 5, 10, 30, 60, 120};

  /** Audit appends: a group commit takes a few milliseconds; seconds mean trouble. */
  static final Duration[] AUDIT = durations(0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1_000,
      5_000);

  /** Cost of one request in US dollars. */
  static final double[] COST_USD = {0.000_001, 0.000_01, 0.000_1, 0.000_5, 0.001, 0.005, 0.01,
      0.05, 0.1, 0.5, 1, 5};

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
