package dev.fulcrum.controlplane.telemetry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One differentially private aggregate, safe to publish. The noisy sums may be negative or
 * exceed the truth; consumers may clamp or smooth them (post-processing stays private).
 *
 * @param feature the feature it describes ({@code x-fulcrum-feature})
 * @param day the UTC day of the usage
 * @param requests noisy sum of clamped request counts, rounded
 * @param tokens noisy sum of clamped token sums, rounded
 * @param mechanism {@code laplace} or {@code gaussian}
 * @param epsilon the ε this release spent
 * @param delta the δ this release spent
 * @param requestsNoiseScale the noise scale used for {@code requests} (Laplace b or Gaussian σ)
 * @param tokensNoiseScale the noise scale used for {@code tokens}
 */
public record TelemetryRelease(String feature, LocalDate day, long requests, long tokens,
    String mechanism, BigDecimal epsilon, BigDecimal delta, double requestsNoiseScale,
    double tokensNoiseScale) {
  public TelemetryRelease {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(epsilon, "epsilon");
    Objects.requireNonNull(delta, "delta");
  }
}
