package dev.fulcrum.controlplane.rollout;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed-width vector of counters over a sliding time window, kept in a ring of buckets (the
 * scheme of Resilience4j's {@code SlidingTimeWindowMetrics}). Adding touches one bucket and the
 * running total; a snapshot first drops buckets that fell out of the window (subtracting them
 * from the total), then copies the total: O(buckets + width), independent of traffic.
 *
 * <p>Bucket {@code e} covers epoch milliseconds {@code [e·size, (e+1)·size)} and lives in ring
 * slot {@code e mod n}. An observation older than the bucket its slot now holds is dropped.
 * Thread-safe (synchronized; each add is a handful of array writes).
 */
final class SlidingCounters {
  private final int width;
  private final long bucketMillis;
  private final long[][] buckets;
  private final long[] epochs;
  private final long[] total;

  SlidingCounters(int width, Duration window, int bucketCount) {
    this.width = width;
    this.bucketMillis = Math.max(1, window.toMillis() / bucketCount);
    this.buckets = new long[bucketCount][width];
    this.epochs = new long[bucketCount];
    java.util.Arrays.fill(epochs, Long.MIN_VALUE);
    this.total = new long[width];
  }

  /** Adds one to each of {@code slots} in the bucket containing {@code at}. */
  synchronized void increment(Instant at, int... slots) {
    long epoch = Math.floorDiv(at.toEpochMilli(), bucketMillis);
    int index = (int) Math.floorMod(epoch, (long) buckets.length);
    if (epochs[index] > epoch) {
      return;
    }
    if (epochs[index] < epoch) {
      clear(index);
      epochs[index] = epoch;
    }
    for (int slot : slots) {
      buckets[index][slot]++;
      total[slot]++;
    }
  }

  /** The sums over buckets no older than the window ending at {@code now}. */
  synchronized long[] snapshot(Instant now) {
    long oldest = Math.floorDiv(now.toEpochMilli(), bucketMillis) - buckets.length + 1;
    for (int i = 0; i < buckets.length; i++) {
      if (epochs[i] != Long.MIN_VALUE && epochs[i] < oldest) {
        clear(i);
        epochs[i] = Long.MIN_VALUE;
      }
    }
    return total.clone();
  }

  synchronized void reset() {
    for (int i = 0; i < buckets.length; i++) {
      clear(i);
      epochs[i] = Long.MIN_VALUE;
    }
  }

  int width() {
    return width;
  }

  private void clear(int index) {
    long[] bucket = buckets[index];
    for (int slot = 0; slot < width; slot++) {
      total[slot] -= bucket[slot];
      bucket[slot] = 0;
    }
  }
}
