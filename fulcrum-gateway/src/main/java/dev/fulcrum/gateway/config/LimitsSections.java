package dev.fulcrum.gateway.config;

import dev.fulcrum.controlplane.telemetry.ContributionBounds;
import dev.fulcrum.controlplane.telemetry.Mechanism;
import dev.fulcrum.dataplane.limits.TenantLimits;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the settings of limits and usage (docs/limits.md): {@code tenants[].limits},
 * {@code store.redis} and the {@code telemetry:} section, for {@link ConfigLoader}.
 */
final class LimitsSections {
  private LimitsSections() {}

  /** {@code tenants[].limits}; absent settings mean no limit. */
  static TenantLimits tenantLimits(ConfigNode node) {
    node.allowOnly("requests-per-minute", "tokens-per-minute", "monthly-budget-usd");
    return new TenantLimits(perMinute(node, "requests-per-minute"),
        perMinute(node, "tokens-per-minute"),
        node.number("monthly-budget-usd", TenantLimits.NO_BUDGET, 0, 1e12));
  }

  private static long perMinute(ConfigNode node, String field) {
    long value = node.longValue(field, 0, 1);
    if (value > TenantLimits.MAX_PER_MINUTE) {
      throw node.field(field).error("must be at most " + TenantLimits.MAX_PER_MINUTE
          + "; leave it out for no limit");
    }
    return value;
  }

  /** {@code store.redis}: a Redis URL, or empty to keep rate limits in memory. */
  static String redis(ConfigNode node) {
    String redis = node.string("redis", "").strip();
    if (!redis.isEmpty() && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
      throw node.field("redis").error("must be a redis:// or rediss:// URL such as "
          + "redis://127.0.0.1:6379 (leave it out to keep rate limits in memory)");
    }
    return redis;
  }

  /** The {@code telemetry:} section; the tenants it names must be configured. */
  static TelemetryConfig telemetry(ConfigNode node, List<TenantConfig> tenants) {
    node.allowOnly("enabled", "mechanism", "epsilon", "delta", "daily-budget", "bounds",
        "tenants");
    TelemetryConfig d = TelemetryConfig.DISABLED;
    ConfigNode daily = node.object("daily-budget");
    daily.allowOnly("epsilon", "delta");
    ConfigNode bounds = node.object("bounds");
    bounds.allowOnly("requests", "tokens");
    Mechanism mechanism = mechanism(node);
    BigDecimal dailyEpsilon = decimal(daily, "epsilon", d.dailyEpsilon());
    BigDecimal dailyDelta = decimal(daily, "delta", d.dailyDelta());
    if (mechanism.epsilon().compareTo(dailyEpsilon) > 0
        || mechanism.delta().compareTo(dailyDelta) > 0) {
      throw daily.error("must allow at least one release: each costs ε "
          + mechanism.epsilon().toPlainString() + " and δ " + mechanism.delta().toPlainString());
    }
    Set<String> known = new TreeSet<>();
    tenants.forEach(t -> known.add(t.tenant().id()));
    Set<String> optedIn = new HashSet<>();
    for (ConfigNode item : node.list("tenants")) {
      String id = item.text().strip();
      if (!known.contains(id)) {
        throw item.error("names '" + id + "', but no tenant has that id; known tenants: "
            + String.join(", ", known));
      }
      optedIn.add(id);
    }
    return new TelemetryConfig(node.bool("enabled", false), mechanism, dailyEpsilon, dailyDelta,
        new ContributionBounds(bounds.longValue("requests", d.bounds().maxRequests(), 1),
            bounds.longValue("tokens", d.bounds().maxTokens(), 1)), optedIn);
  }

  private static Mechanism mechanism(ConfigNode node) {
    String name = node.string("mechanism", "laplace").strip().toLowerCase(Locale.ROOT);
    BigDecimal epsilon = decimal(node, "epsilon", new BigDecimal("0.5"));
    BigDecimal delta = decimal(node, "delta", BigDecimal.ZERO);
    try {
      Mechanism mechanism = switch (name) {
        case "laplace" -> {
          if (delta.signum() != 0) {
            throw node.field("delta").error("applies to the gaussian mechanism only; remove it "
                + "or set mechanism: gaussian");
          }
          yield new Mechanism.Laplace(epsilon);
        }
        case "gaussian" -> new Mechanism.Gaussian(epsilon, delta);
        default -> throw node.field("mechanism").error("must be laplace or gaussian, got '"
            + name + "'");
      };
      mechanism.scale(1, 2); // a release publishes two statistics: requests and tokens
      return mechanism;
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static BigDecimal decimal(ConfigNode node, String field, BigDecimal fallback) {
    if (!node.has(field)) {
      return fallback;
    }
    String raw = node.field(field).text().strip();
    try {
      BigDecimal value = new BigDecimal(raw).stripTrailingZeros(); // YAML may say 1.0E-6
      if (value.signum() < 0) {
        throw node.field(field).error("must not be negative, got " + raw);
      }
      return value;
    } catch (NumberFormatException e) {
      throw node.field(field).error("must be a number, got '" + raw + "'");
    }
  }

}
