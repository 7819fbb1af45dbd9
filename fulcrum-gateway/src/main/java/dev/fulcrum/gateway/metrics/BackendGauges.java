package dev.fulcrum.gateway.metrics;

import dev.fulcrum.dataplane.health.BackendHealth;
import dev.fulcrum.dataplane.health.BreakerState;
import dev.fulcrum.dataplane.health.HealthRegistry;
import dev.fulcrum.dataplane.shadow.ShadowMirror;
import dev.fulcrum.gateway.metrics.MetricNames.Labels;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Gauges read at scrape time, never on the request path: each backend's breaker state, EWMA
 * latency and error rate, and calls in flight, and the shadow mirror's drop and skip counts.
 */
final class BackendGauges {
  private BackendGauges() {}

  static void register(MeterRegistry registry, HealthRegistry health, LabelSpace labels) {
    for (BackendHealth backend : health.all()) {
      String name = backend.snapshot().backend();
      Tags tags = Tags.of(Labels.BACKEND, name, Labels.PLACEMENT,
          labels.placement(labels.backends.indexOf(name)));
      for (BreakerState state : BreakerState.values()) {
        gauge(registry, MetricNames.BACKEND_CIRCUIT_STATE, "1 for the circuit breaker's "
                + "current state, 0 for the others", tags.and(Labels.STATE,
                state.name().toLowerCase(Locale.ROOT)), backend,
            h -> h.snapshot().breaker() == state ? 1 : 0, null);
      }
      gauge(registry, MetricNames.BACKEND_LATENCY_EWMA, "EWMA latency of successful calls "
          + "(NaN before the first)", tags, backend, BackendGauges::latencySeconds, "seconds");
      gauge(registry, MetricNames.BACKEND_ERROR_RATE_EWMA, "EWMA share of calls that failed",
          tags, backend, h -> h.snapshot().errorRate(), null);
      gauge(registry, MetricNames.BACKEND_IN_FLIGHT, "Calls to the backend under way", tags,
          backend, h -> h.snapshot().inFlight(), null);
    }
  }

  static void register(MeterRegistry registry, ShadowMirror mirror) {
    FunctionCounter.builder(MetricNames.SHADOW_DROPPED, mirror, ShadowMirror::dropped)
        .description("Shadow copies dropped because the mirror's bounds were reached")
        .register(registry);
    FunctionCounter.builder(MetricNames.SHADOW_SKIPPED, mirror, ShadowMirror::skipped)
        .description("Shadow copies not sent because routing refused them")
        .register(registry);
  }

  private static double latencySeconds(BackendHealth health) {
    long micros = health.snapshot().latencyMicros();
    return micros < 0 ? Double.NaN : micros / 1e6;
  }

  private static void gauge(MeterRegistry registry, String name, String description, Tags tags,
      BackendHealth health, ToDoubleFunction<BackendHealth> value, String unit) {
    Gauge.builder(name, health, value).description(description).tags(tags).baseUnit(unit)
        .strongReference(true).register(registry);
  }
}
