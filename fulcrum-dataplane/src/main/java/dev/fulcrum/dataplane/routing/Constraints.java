package dev.fulcrum.dataplane.routing;

/**
 * Limits the caller put on this request ({@code x-fulcrum-latency-ms},
 * {@code x-fulcrum-max-cost-usd}).
 *
 * @param latencyTargetMillis drop routes predicted slower than this; 0 for no target
 * @param maxCostUsd drop routes estimated dearer than this; infinite for no cap
 */
public record Constraints(long latencyTargetMillis, double maxCostUsd) {
  public static final Constraints NONE = new Constraints(0, Double.POSITIVE_INFINITY);

  public Constraints {
    if (latencyTargetMillis < 0) {
      throw new IllegalArgumentException("latency target must not be negative");
    }
    if (!(maxCostUsd >= 0)) {
      throw new IllegalArgumentException("cost cap must be a non-negative number");
    }
  }

  boolean hasLatencyTarget() {
    return latencyTargetMillis > 0;
  }

  boolean hasCostCap() {
    return maxCostUsd != Double.POSITIVE_INFINITY;
  }
}
