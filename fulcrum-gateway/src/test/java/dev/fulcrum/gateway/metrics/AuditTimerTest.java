package dev.fulcrum.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.gateway.config.MetricsConfig;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditTimerTest {
  final MockClock clock = new MockClock();
  final GatewayMetrics metrics = GatewayMetrics.create(MetricsConfig.DEFAULTS,
      LabelSpace.of(List.of("chat"), Map.of("box", Placement.LOCAL), List.of(), false),
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock));
  final AuditTimer timer = metrics.auditTimer();

  @AfterEach
  void close() {
    metrics.close();
  }

  Scrape scrape() {
    return Scrape.parse(metrics.scrape());
  }

  @Test
  void timesAnAppendFromHandOffUntilItIsDurable() {
    CompletableFuture<String> durable = new CompletableFuture<>();
    CompletionStage<String> returned = timer.time(() -> durable);
    clock.add(Duration.ofMillis(4));
    durable.complete("receipt");

    assertThat(returned).isSameAs(durable);
    Scrape scrape = scrape();
    assertThat(scrape.sum("fulcrum_audit_append_duration_seconds_count", "outcome", "durable"))
        .hasValue(1);
    assertThat(scrape.sum("fulcrum_audit_append_duration_seconds_sum", "outcome", "durable")
        .orElseThrow()).isCloseTo(0.004, within(1e-9));
    assertThat(scrape.sum("fulcrum_audit_append_duration_seconds_bucket", "outcome", "durable",
        "le", "0.005")).hasValue(1);
  }

  @Test
  void failedAndThrowingAppendsAreRecordedAsFailed() {
    CompletableFuture<String> failing = new CompletableFuture<>();
    timer.time(() -> failing);
    clock.add(Duration.ofMillis(1));
    failing.completeExceptionally(new IllegalStateException("store down"));

    assertThatThrownBy(() -> timer.time(() -> {
      throw new IllegalStateException("queue full");
    })).hasMessage("queue full");
    timer.record(TimeUnit.MILLISECONDS.toNanos(2), false);

    assertThat(scrape().sum("fulcrum_audit_append_duration_seconds_count", "outcome", "failed"))
        .hasValue(3);
    assertThat(scrape().sum("fulcrum_audit_append_duration_seconds_count", "outcome",
        "durable")).hasValue(0);
  }
}
