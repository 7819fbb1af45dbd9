package dev.fulcrum.dataplane.limits;

import java.util.Objects;

/**
 * A token bucket in {@link RateCounters}: it holds at most {@code perMinute} tokens, refills
 * continuously at {@code perMinute} per minute, and starts full.
 *
 * @param key names the bucket in the counters' store; equal keys on every replica are one
 *     bucket. Keys of buckets taken from together should share a Redis hash tag ({@code {…}}).
 * @param perMinute the capacity, which is also the refill per minute (at least 1)
 */
public record Quota(String key, long perMinute) {
  public Quota {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a quota needs a key");
    }
    if (perMinute < 1 || perMinute > TenantLimits.MAX_PER_MINUTE) {
      throw new IllegalArgumentException("perMinute must be between 1 and "
          + TenantLimits.MAX_PER_MINUTE);
    }
  }
}
