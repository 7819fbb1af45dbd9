package dev.fulcrum.dataplane.limits;

import java.util.Objects;

/**
 * Tokens to take from one bucket.
 *
 * @param quota the bucket
 * @param amount how many, from 1 up to the bucket's capacity (more could never be granted)
 */
public record Take(Quota quota, long amount) {
  public Take {
    Objects.requireNonNull(quota, "quota");
    if (amount < 1 || amount > quota.perMinute()) {
      throw new IllegalArgumentException("a take is between 1 and the quota's " + quota.perMinute()
          + " tokens, got " + amount);
    }
  }
}
