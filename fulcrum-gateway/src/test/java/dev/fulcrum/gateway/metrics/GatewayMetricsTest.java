package dev.fulcrum.gateway.metrics;

import static dev.fulcrum.gateway.metrics.TestOutcomes.BOX;
import static dev.fulcrum.gateway.metrics.TestOutcomes.CLOUD;
import static dev.fulcrum.gateway.metrics.TestOutcomes.failed;
import static dev.fulcrum.gateway.metrics.TestOutcomes.served;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.error.NotFoundException;
import dev.fulcrum.core.error.PermissionDeniedException;
import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.error.UpstreamTimeoutException;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.Dropped;
import dev.fulcrum.dataplane.routing.Operation;
import dev.fulcrum.gateway.config.MetricsConfig;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
  static final LabelSpace LABELS = LabelSpace.of(List.of("chat", "chat-local"),
      Map.of("cloud", Placement.CLOUD, "box", Placement.LOCAL), List.of("acme", "globex"),
      false);

  final MockClock clock = new MockClock();
  PrometheusMeterRegistry registry = registry();
  GatewayMetrics metrics = GatewayMetrics.create(MetricsConfig.DEFAULTS, LABELS, registry);

  PrometheusMeterRegistry registry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
  }

  @AfterEach
  void close() {
    metrics.close();
  }

  Scrape scrape() {
    return Scrape.parse(metrics.scrape());
  }

  @Test
  void aServedRequestRecordsLatencyOutcomeTokensCostAndFeature() {
    metrics.observe(served("chat", CLOUD, Duration.ofMillis(120), new Usage(1000, 500),
        "search"));

    Scrape scrape = scrape();
    String[] route = {"model", "chat", "backend", "cloud"};
    assertThat(scrape.sum("fulcrum_requests_total", "operation", "chat", "model", "chat",
        "status", "2xx", "error", "none")).hasValue(1);
    assertThat(scrape.sum("fulcrum_request_duration_seconds_count", "operation", "chat",
        "model", "chat", "placement", "CLOUD", "backend", "cloud")).hasValue(1);
    assertThat(scrape.sum("fulcrum_request_duration_seconds_sum", route).orElseThrow())
        .isCloseTo(0.12, within(1e-9));
    assertThat(scrape.sum("fulcrum_request_duration_seconds_bucket", "le", "0.1")).hasValue(0);
    assertThat(scrape.sum("fulcrum_request_duration_seconds_bucket", "le", "0.25")).hasValue(1);
    assertThat(scrape.sum("fulcrum_tokens_total", "kind", "prompt")).hasValue(1000);
    assertThat(scrape.sum("fulcrum_tokens_total", "kind", "completion")).hasValue(500);
    // 1000 × $2.5 + 500 × $10 per million tokens
    assertThat(scrape.sum("fulcrum_request_cost_usd_sum", route).orElseThrow())
        .isCloseTo(0.0075, within(1e-12));
    assertThat(scrape.sum("fulcrum_request_cost_usd_bucket", "le", "0.005")).hasValue(0);
    assertThat(scrape.sum("fulcrum_request_cost_usd_bucket", "le", "0.01")).hasValue(1);
    assertThat(scrape.sum("fulcrum_feature_cost_usd_total", "feature", "search").orElseThrow())
        .isCloseTo(0.0075, within(1e-12));
    assertThat(scrape.sum("fulcrum_feature_requests_total", "feature", "search")).hasValue(1);
    assertThat(scrape.sum("fulcrum_completion_tokens_per_second_sum", route).orElseThrow())
        .isCloseTo(500 / 0.12, within(1e-6));
  }

  @Test
  void failuresAreCountedByStatusClassAndErrorType() {
    metrics.observe(failed("acme", "chat", new RateLimitedException("slow down", null),
        List.of()));
    metrics.observe(failed("acme", "chat", new UpstreamTimeoutException("cloud", "late", null),
        List.of()));
    metrics.observe(failed("acme", "chat", new UpstreamTimeoutException("cloud", "late", null),
        List.of()));

    Scrape scrape = scrape();
    assertThat(scrape.sum("fulcrum_requests_total", "status", "4xx", "error", "rate_limited"))
        .hasValue(1);
    assertThat(scrape.sum("fulcrum_requests_total", "status", "5xx", "error",
        "upstream_timeout")).hasValue(2);
    assertThat(scrape.sum("fulcrum_requests_total", "status", "2xx")).isEmpty();
  }

  @Test
  void aModelNotInTheConfigIsCountedAsUnknownWithoutASeriesOfItsOwn() {
    metrics.observe(failed("acme", "project-nightingale",
        new NotFoundException("no such model", "model_not_found"), List.of()));
    metrics.observe(served("gpt-secret", CLOUD, Duration.ofMillis(5), new Usage(1, 1), ""));

    Scrape scrape = scrape();
    assertThat(scrape.text()).doesNotContain("project-nightingale").doesNotContain("gpt-secret");
    assertThat(scrape.sum("fulcrum_requests_total", "model", "unknown", "error", "not_found"))
        .hasValue(1);
    assertThat(scrape.sum("fulcrum_request_duration_seconds_count", "model", "unknown"))
        .hasValue(1);
  }

  @Test
  void tenantIdsAreNoLabelsByDefault() {
    metrics.observe(served("chat", CLOUD, Duration.ofMillis(5), new Usage(1, 1), "search"));
    metrics.observe(failed("globex", "chat", new RateLimitedException("x", null), List.of()));

    Scrape scrape = scrape();
    assertThat(scrape.labelNames()).doesNotContain("tenant");
    assertThat(scrape.text()).doesNotContain("acme").doesNotContain("globex");
  }

  @Test
  void tenantLabelsWhenConfiguredOnlyWithConfiguredTenants() {
    metrics.close();
    registry = registry();
    metrics = GatewayMetrics.create(new MetricsConfig(true, true, 10),
        LabelSpace.of(List.of("chat"), Map.of("cloud", Placement.CLOUD), List.of("acme"), true),
        registry);

    metrics.observe(served("chat", CLOUD, Duration.ofMillis(5), new Usage(3, 4), "search"));
    metrics.observe(failed("stranger", "chat", new RateLimitedException("x", null), List.of()));

    Scrape scrape = scrape();
    assertThat(scrape.sum("fulcrum_requests_total", "tenant", "acme", "status", "2xx"))
        .hasValue(1);
    assertThat(scrape.sum("fulcrum_tokens_total", "tenant", "acme", "kind", "completion"))
        .hasValue(4);
    assertThat(scrape.sum("fulcrum_feature_requests_total", "tenant", "acme")).hasValue(1);
    assertThat(scrape.sum("fulcrum_requests_total", "tenant", "unknown", "status", "4xx"))
        .hasValue(1);
    assertThat(scrape.text()).doesNotContain("stranger");
  }

  @Test
  void featuresBeyondTheCapAreCountedAsOther() {
    metrics.close();
    registry = registry();
    metrics = GatewayMetrics.create(new MetricsConfig(true, false, 2), LABELS, registry);

    for (String feature : List.of("search", "summarize", "search", "translate", "classify")) {
      metrics.observe(served("chat", BOX, Duration.ofMillis(5), new Usage(1, 1), feature));
    }
    metrics.observe(served("chat", BOX, Duration.ofMillis(5), new Usage(1, 1), ""));

    Scrape scrape = scrape();
    assertThat(scrape.sum("fulcrum_feature_requests_total", "feature", "search")).hasValue(2);
    assertThat(scrape.sum("fulcrum_feature_requests_total", "feature", "summarize"))
        .hasValue(1);
    assertThat(scrape.sum("fulcrum_feature_requests_total", "feature", "other")).hasValue(2);
    assertThat(scrape.sum("fulcrum_feature_requests_total", "feature", "none")).hasValue(1);
    assertThat(scrape.text()).doesNotContain("translate").doesNotContain("classify");
  }

  @Test
  void aRequestServedByAFallbackIsCountedFromFirstChoiceToServer() {
    metrics.observe(served("chat", CLOUD, BOX, Duration.ofMillis(5), new Usage(1, 1), "",
        List.of(), Map.of()));
    metrics.observe(served("chat", CLOUD, Duration.ofMillis(5), new Usage(1, 1), ""));

    assertThat(scrape().sum("fulcrum_fallbacks_total", "model", "chat", "from", "cloud", "to",
        "box")).hasValue(1);
    assertThat(scrape().find("fulcrum_fallbacks_total", Map.of())).hasSize(1);
  }

  @Test
  void placementsDroppedForPrivacyAreIncidentsServedOrRefused() {
    List<Dropped> forbidden = List.of(new Dropped("cloud", Dropped.Cause.FORBIDDEN,
        "CLOUD not allowed for PRIVATE request"));
    metrics.observe(served("chat", BOX, BOX, Duration.ofMillis(5), new Usage(1, 1), "",
        forbidden, Map.of(EntityType.PERSON, 2, EntityType.EMAIL_ADDRESS, 1)));
    metrics.observe(failed("acme", "chat", new PermissionDeniedException("no"), forbidden));
    metrics.observe(served("chat", BOX, BOX, Duration.ofMillis(5), new Usage(1, 1), "",
        List.of(new Dropped("cloud", Dropped.Cause.CONSTRAINT, "too slow")), Map.of()));

    Scrape scrape = scrape();
    assertThat(scrape.sum("fulcrum_privacy_incidents_total", "model", "chat", "outcome",
        "served")).hasValue(1);
    assertThat(scrape.sum("fulcrum_privacy_incidents_total", "outcome", "refused")).hasValue(1);
    assertThat(scrape.sum("fulcrum_privacy_blocked_egress_total", "backend", "cloud",
        "placement", "CLOUD")).hasValue(2);
    assertThat(scrape.sum("fulcrum_pii_entities_total", "type", "PERSON")).hasValue(2);
    assertThat(scrape.sum("fulcrum_pii_entities_total", "type", "EMAIL_ADDRESS")).hasValue(1);
  }

  @Test
  void degradedModeIsCountedForTheModelAskedFor() {
    var local = BOX;
    metrics.observe(new Outcome.Completed(TestOutcomes.context("acme", ""), Operation.CHAT,
        "chat", new Decision.Routed("chat-local@1", local, List.of(), List.of(), true), local,
        Duration.ofMillis(5), new Usage(1, 1), null, 1, "stop", false, Map.of(), "", ""));

    assertThat(scrape().sum("fulcrum_degraded_total", "model", "chat")).hasValue(1);
    assertThat(scrape().sum("fulcrum_request_duration_seconds_count", "model", "chat-local"))
        .hasValue(1);
  }

  @Test
  void aFailingMeterNeverReachesTheRequestAndIsCounted() {
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (id.getName().equals(MetricNames.TOKENS)) {
          throw new IllegalStateException("broken registry");
        }
        return id;
      }
    });

    assertThatCode(() -> metrics.observe(served("chat", CLOUD, Duration.ofMillis(5),
        new Usage(1, 1), ""))).doesNotThrowAnyException();
    assertThat(scrape().sum("fulcrum_metrics_failures_total")).hasValue(1);
  }

  @Test
  void rollbacksAreCountedByModelAndDecider() {
    metrics.rolledBack("chat", true);
    metrics.rolledBack("chat", false);
    metrics.rolledBack("not-configured", false);

    Scrape scrape = scrape();
    assertThat(scrape.sum("fulcrum_rollout_rollbacks_total", "model", "chat", "by", "policy"))
        .hasValue(1);
    assertThat(scrape.sum("fulcrum_rollout_rollbacks_total", "model", "chat", "by", "operator"))
        .hasValue(1);
    assertThat(scrape.sum("fulcrum_rollout_rollbacks_total", "model", "unknown")).hasValue(1);
  }

  @Test
  void disabledMetricsRecordNothing() {
    metrics.close();
    registry = registry();
    metrics = GatewayMetrics.create(new MetricsConfig(false, false, 10), LABELS, registry);

    metrics.observe(served("chat", CLOUD, Duration.ofMillis(5), new Usage(1, 1), ""));
    metrics.rolledBack("chat", true);

    assertThat(scrape().find("fulcrum_requests_total", Map.of())).isEmpty();
    assertThat(scrape().find("fulcrum_rollout_rollbacks_total", Map.of())).isEmpty();
    assertThat(metrics.auditTimer()).isSameAs(AuditTimer.NONE);
  }
}
