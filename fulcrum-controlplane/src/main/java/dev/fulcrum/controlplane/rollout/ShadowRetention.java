package dev.fulcrum.controlplane.rollout;

import java.time.Duration;
import java.util.Objects;

/**
 * How many shadow pairs are kept: at most {@code maxPairsPerRollout} (newest kept) and none
 * older than {@code maxAge}. Enforced on every {@link RolloutService#evaluate()} tick.
 */
public record ShadowRetention(int maxPairsPerRollout, Duration maxAge) {
  public ShadowRetention {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxPairsPerRollout < 1 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("shadow retention must keep at least one pair for a "
          + "positive time");
    }
  }

  /** 10,000 pairs per rollout, 7 days. */
  public static ShadowRetention defaults() {
    return new ShadowRetention(10_000, Duration.ofDays(7));
  }
}
