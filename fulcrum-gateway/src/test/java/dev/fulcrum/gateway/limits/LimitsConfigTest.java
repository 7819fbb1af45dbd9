package dev.fulcrum.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.telemetry.ContributionBounds;
import dev.fulcrum.controlplane.telemetry.Mechanism;
import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.dataplane.limits.TenantLimits;
import dev.fulcrum.gateway.config.ConfigException;
import dev.fulcrum.gateway.config.ConfigLoader;
import dev.fulcrum.gateway.config.FulcrumConfig;
import dev.fulcrum.gateway.config.TelemetryConfig;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The limits, store.redis and telemetry settings: defaults, values and errors with lines. */
class LimitsConfigTest {
  private static final String BASE = """
      backends: [ { name: box, kind: simulated } ]
      models: [ { name: chat, routes: [ { backend: box } ] } ]
      tenants:
        - id: acme
          api-keys: [ "%s" ]
      %s
        - id: globex
          api-keys: [ "%s" ]
      """;

  private static String yaml(String acmeExtra, String more) {
    return BASE.formatted(ApiKeyHash.of("a"), acmeExtra, ApiKeyHash.of("g")) + more;
  }

  private static FulcrumConfig parse(String yaml) {
    return ConfigLoader.withVariables(Map.of()).parse("fulcrum.yaml", yaml);
  }

  private static String errorOf(String yaml) {
    try {
      parse(yaml);
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a ConfigException");
  }

  @Test
  void withoutSettingsThereAreNoLimitsNoRedisAndNoTelemetry() {
    FulcrumConfig config = parse(yaml("", ""));

    assertThat(config.tenants()).allSatisfy(t -> assertThat(t.limits())
        .isEqualTo(TenantLimits.NONE));
    assertThat(config.store().redis()).isEmpty();
    assertThat(config.telemetry()).isEqualTo(TelemetryConfig.DISABLED);
    assertThat(config.telemetry().enabled()).isFalse();
  }

  @Test
  void readsATenantsLimits() {
    FulcrumConfig config = parse(yaml("    limits: { requests-per-minute: 600, "
        + "tokens-per-minute: 200000, monthly-budget-usd: 500 }", ""));

    assertThat(config.tenants().get(0).limits()).isEqualTo(new TenantLimits(600, 200_000, 500));
    assertThat(config.tenants().get(1).limits()).isEqualTo(TenantLimits.NONE);
  }

  @Test
  void eachLimitMayBeGivenAlone() {
    FulcrumConfig config = parse(yaml("    limits: { monthly-budget-usd: 0 }", ""));

    assertThat(config.tenants().get(0).limits())
        .isEqualTo(new TenantLimits(0, 0, 0));
  }

  @Test
  void rejectsBadLimitsWithTheLineAndTheFix() {
    assertThat(errorOf(yaml("    limits: { requests-per-minute: 0 }", "")))
        .isEqualTo("fulcrum.yaml:6: tenants[0].limits.requests-per-minute must be at least 1, "
            + "got 0");
    assertThat(errorOf(yaml("    limits: { tokens-per-minute: 5000000000 }", "")))
        .contains("tenants[0].limits.tokens-per-minute must be at most 1000000000; leave it out "
            + "for no limit");
    assertThat(errorOf(yaml("    limits: { monthly-budget-usd: -1 }", "")))
        .contains("tenants[0].limits.monthly-budget-usd must be between 0.0 and");
    assertThat(errorOf(yaml("    limits: { request-per-minute: 5 }", "")))
        .contains("did you mean 'requests-per-minute'?");
  }

  @Test
  void readsTheRedisOfTheStore() {
    FulcrumConfig config = parse(yaml("", """
        store: { url: "sqlite::memory:", redis: "redis://:secret@10.0.0.5:6379" }
        """));

    assertThat(config.store().redis()).isEqualTo("redis://:secret@10.0.0.5:6379");
    assertThat(config.store().toString()).doesNotContain("secret");
    assertThat(errorOf(yaml("", "store: { redis: \"10.0.0.5:6379\" }\n")))
        .contains("store.redis must be a redis:// or rediss:// URL");
  }

  @Test
  void readsTheTelemetrySection() {
    FulcrumConfig config = parse(yaml("", """
        telemetry:
          enabled: true
          mechanism: gaussian
          epsilon: 0.8
          delta: 1e-6
          daily-budget: { epsilon: 4, delta: 1e-5 }
          bounds: { requests: 50, tokens: 20000 }
          tenants: [ acme ]
        """));

    assertThat(config.telemetry()).isEqualTo(new TelemetryConfig(true,
        new Mechanism.Gaussian(new BigDecimal("0.8"), new BigDecimal("1e-6")),
        new BigDecimal("4"), new BigDecimal("1e-5"), new ContributionBounds(50, 20_000),
        Set.of("acme")));
  }

  @Test
  void rejectsTelemetryThatCouldNeverReleaseOrNamesUnknownTenants() {
    assertThat(errorOf(yaml("", "telemetry: { enabled: maybe }\n")))
        .contains("telemetry.enabled must be true or false, got 'maybe'");
    assertThat(errorOf(yaml("", "telemetry: { tenants: [ initech ] }\n")))
        .contains("telemetry.tenants[0] names 'initech', but no tenant has that id; known "
            + "tenants: acme, globex");
    assertThat(errorOf(yaml("", "telemetry: { epsilon: 3, daily-budget: { epsilon: 2 } }\n")))
        .contains("telemetry.daily-budget must allow at least one release: each costs ε 3");
    assertThat(errorOf(yaml("", "telemetry: { delta: 0.001 }\n")))
        .contains("telemetry.delta applies to the gaussian mechanism only");
    assertThat(errorOf(yaml("", "telemetry: { mechanism: gaussian, epsilon: 1 }\n")))
        .contains("delta must be positive");
    assertThat(errorOf(yaml("", "telemetry: { mechanism: gaussian, epsilon: 3, delta: 1e-6, "
        + "daily-budget: { epsilon: 3, delta: 1e-5 } }\n")))
        .contains("the Gaussian mechanism's bound holds for ε below 1 per statistic");
  }
}
