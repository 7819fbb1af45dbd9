package dev.fulcrum.dataplane.health;

import java.time.Duration;
import java.util.Objects;

/**
 * How backend health is judged. Every default is written here and in the config reference.
 *
 * @param failureRateThreshold percent of failed calls in the window that opens the breaker
 * @param windowSize calls in the breaker's sliding window
 * @param minimumCalls calls needed in the window before the failure rate counts
 * @param openFor how long an open breaker refuses calls before letting probes through
 * @param halfOpenProbes probe calls allowed while half-open
 * @param ewmaWeight weight of the newest sample in the latency and error EWMAs, in (0, 1]
 */
public record HealthSettings(float failureRateThreshold, int windowSize, int minimumCalls,
    Duration openFor, int halfOpenProbes, double ewmaWeight) {

  public static final HealthSettings DEFAULTS =
      new HealthSettings(50, 20, 10, Duration.ofSeconds(30), 3, 0.2);

  public HealthSettings {
    Objects.requireNonNull(openFor, "openFor");
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
      throw new IllegalArgumentException("failureRateThreshold must be within (0, 100]");
    }
    if (windowSize < 1 || minimumCalls < 1 || halfOpenProbes < 1) {
      throw new IllegalArgumentException("window, minimum calls and probes must be positive");
    }
    if (!(ewmaWeight > 0 && ewmaWeight <= 1)) {
      throw new IllegalArgumentException("ewmaWeight must be within (0, 1]");
    }
  }
}
