package dev.fulcrum.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.dataplane.health.BackendHealth;
import dev.fulcrum.dataplane.health.HealthRegistry;
import dev.fulcrum.dataplane.health.HealthSettings;
import dev.fulcrum.dataplane.pipeline.Backends;
import dev.fulcrum.dataplane.routing.Router;
import dev.fulcrum.dataplane.shadow.ShadowMirror;
import dev.fulcrum.dataplane.shadow.ShadowSettings;
import dev.fulcrum.gateway.config.MetricsConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendGaugesTest {
  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    volatile Instant now = Instant.parse("2025-06-01T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovingClock clock = new MovingClock();
  final HealthRegistry health = HealthRegistry.of(Map.of("cloud",
      new HealthSettings(50, 2, 2, Duration.ofSeconds(30), 1, 1.0)), clock);
  final GatewayMetrics metrics = GatewayMetrics.create(MetricsConfig.DEFAULTS,
      LabelSpace.of(List.of("chat"), Map.of("cloud", Placement.CLOUD), List.of(), false),
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

  @AfterEach
  void close() {
    metrics.close();
  }

  Scrape scrape() {
    return Scrape.parse(metrics.scrape());
  }

  @Test
  void publishesBreakerStateLatencyAndCallsInFlightAtScrapeTime() {
    metrics.watch(health);
    BackendHealth cloud = health.get("cloud").orElseThrow();

    assertThat(scrape().sum("fulcrum_backend_circuit_state", "backend", "cloud", "placement",
        "CLOUD", "state", "closed")).hasValue(1);
    assertThat(scrape().sum("fulcrum_backend_latency_ewma_seconds", "backend", "cloud")
        .orElseThrow()).isNaN();

    BackendHealth.Permit first = cloud.tryAcquire().orElseThrow();
    assertThat(scrape().sum("fulcrum_backend_in_flight", "backend", "cloud")).hasValue(1);
    clock.now = clock.now.plusMillis(250);
    first.succeeded();
    assertThat(scrape().sum("fulcrum_backend_in_flight", "backend", "cloud")).hasValue(0);
    assertThat(scrape().sum("fulcrum_backend_latency_ewma_seconds", "backend", "cloud")
        .orElseThrow()).isCloseTo(0.25, within(1e-9));

    // one success and one failure in a window of two: 50% failed, the breaker opens
    cloud.tryAcquire().orElseThrow().failed(new UpstreamUnavailableException("cloud", "down",
        null));
    Scrape open = scrape();
    assertThat(open.sum("fulcrum_backend_circuit_state", "backend", "cloud", "state", "open"))
        .hasValue(1);
    assertThat(open.sum("fulcrum_backend_circuit_state", "backend", "cloud", "state", "closed"))
        .hasValue(0);
    assertThat(open.sum("fulcrum_backend_error_rate_ewma", "backend", "cloud")).hasValue(1);
  }

  @Test
  void publishesTheShadowMirrorsDropAndSkipCounts() {
    Backends none = Backends.of(List.of());
    ShadowMirror mirror = new ShadowMirror(new Router(), none,
        (a, b) -> CompletableFuture.completedFuture(1.0), shadow -> { }, ShadowSettings.DEFAULTS,
        clock);

    assertThat(metrics.watch(mirror)).isSameAs(mirror);

    assertThat(scrape().sum("fulcrum_shadow_dropped_total")).hasValue(0);
    assertThat(scrape().sum("fulcrum_shadow_skipped_total")).hasValue(0);
  }
}
