package dev.fulcrum.gateway.config;

import dev.fulcrum.controlplane.telemetry.ContributionBounds;
import dev.fulcrum.controlplane.telemetry.Mechanism;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code telemetry:} section: opt-in, differentially private usage aggregates released
 * through {@code POST /admin/v1/telemetry/release} (docs/limits.md).
 *
 * @param enabled whether releases are answered at all (default false)
 * @param mechanism the noise and what one release spends (default Laplace, ε 0.5)
 * @param dailyEpsilon the most ε all releases about one day may spend together (default 2)
 * @param dailyDelta the most δ they may spend together (default 0)
 * @param bounds the per-tenant clamps (default 1,000 requests and 1,000,000 tokens a day)
 * @param tenants the tenants who opted in; nobody else's usage is released (default none)
 */
public record TelemetryConfig(boolean enabled, Mechanism mechanism, BigDecimal dailyEpsilon,
    BigDecimal dailyDelta, ContributionBounds bounds, Set<String> tenants) {
  public static final TelemetryConfig DISABLED = new TelemetryConfig(false,
      new Mechanism.Laplace(new BigDecimal("0.5")), new BigDecimal("2"), BigDecimal.ZERO,
      new ContributionBounds(1_000, 1_000_000), Set.of());

  public TelemetryConfig {
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(dailyEpsilon, "dailyEpsilon");
    Objects.requireNonNull(dailyDelta, "dailyDelta");
    Objects.requireNonNull(bounds, "bounds");
    tenants = Set.copyOf(tenants);
  }
}
