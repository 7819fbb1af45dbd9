package dev.fulcrum.controlplane.rollout;

import java.time.Duration;
import java.time.Instant;

/**
 * The sliding windows of one running rollout: requests of the baseline and of the candidate
 * (count, errors, latency histogram) and shadow pairs (count, agreed, shadow errors).
 */
final class RolloutWindows {
  private static final int REQUESTS = 0;
  private static final int ERRORS = 1;
  private static final int LATENCY = 2;
  private static final int PAIRS = 0;
  private static final int AGREED = 1;
  private static final int SHADOW_ERRORS = 2;

  private final Duration window;
  private final SlidingCounters baseline;
  private final SlidingCounters candidate;
  private final SlidingCounters shadow;

  RolloutWindows(RolloutPolicy policy) {
    this.window = policy.window();
    int requestWidth = LATENCY + LatencyHistogram.BINS;
    this.baseline = new SlidingCounters(requestWidth, policy.window(), policy.buckets());
    this.candidate = new SlidingCounters(requestWidth, policy.window(), policy.buckets());
    this.shadow = new SlidingCounters(3, policy.window(), policy.buckets());
  }

  void request(boolean isCandidate, Instant at, Duration latency, boolean success) {
    SlidingCounters target = isCandidate ? candidate : baseline;
    int bin = LATENCY + LatencyHistogram.bin(latency);
    if (success) {
      target.increment(at, REQUESTS, bin);
    } else {
      target.increment(at, REQUESTS, ERRORS, bin);
    }
  }

  void pair(Instant at, boolean agreed, boolean shadowFailed) {
    if (agreed) {
      shadow.increment(at, PAIRS, AGREED);
    } else if (shadowFailed) {
      shadow.increment(at, PAIRS, SHADOW_ERRORS);
    } else {
      shadow.increment(at, PAIRS);
    }
  }

  WindowSnapshot snapshot(Instant now) {
    long[] pairs = shadow.snapshot(now);
    return new WindowSnapshot(window, stats(baseline.snapshot(now)),
        stats(candidate.snapshot(now)),
        new ShadowStats(pairs[PAIRS], pairs[AGREED], pairs[SHADOW_ERRORS]));
  }

  private static VersionStats stats(long[] counts) {
    return new VersionStats(counts[REQUESTS], counts[ERRORS],
        LatencyHistogram.quantileMillis(counts, LATENCY, 0.95));
  }
}
