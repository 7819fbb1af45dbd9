package dev.fulcrum.gateway.metrics;

import dev.fulcrum.controlplane.rollout.RolloutService;
import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.dataplane.health.HealthRegistry;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.observe.RequestObserver;
import dev.fulcrum.dataplane.pipeline.Backends;
import dev.fulcrum.dataplane.shadow.ShadowMirror;
import dev.fulcrum.gateway.config.FulcrumConfig;
import dev.fulcrum.gateway.config.MetricsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The metrics of one gateway: a {@link RequestObserver} for request outcomes, gauges over backend
 * health and the shadow mirror, a rollback counter, an {@link AuditTimer}, and the {@code GET
 * /metrics} route. Every metric is listed in {@link MetricNames} and {@code docs/metrics.md}.
 *
 * <p>Wiring: {@link #start} once the backends exist; add this object to the pipeline's
 * observers; pass the shadow mirror through {@link #watch(ShadowMirror)} and the rollout service
 * to {@link #watch(RolloutService)}; mount {@link #endpoint()}; hand {@link #auditTimer()} to the
 * audit recorder; close it with the gateway. With {@code metrics.enabled: false} every method is
 * a no-op and no route is mounted.
 *
 * <p>Thread-safe. {@link #observe} runs on event loops and never throws.
 */
public final class GatewayMetrics implements RequestObserver, AutoCloseable {
  private final boolean enabled;
  private final PrometheusMeterRegistry registry;
  private final LabelSpace labels;
  private final RequestObserver requests;
  private final RolloutMetrics rollouts;
  private final AuditTimer audit;
  private final JvmGcMetrics gc;

  private GatewayMetrics(boolean enabled, PrometheusMeterRegistry registry, LabelSpace labels,
      int maxFeatures, JvmGcMetrics gc) {
    this.enabled = enabled;
    this.registry = registry;
    this.labels = labels;
    this.gc = gc;
    FeatureLabels features = new FeatureLabels(maxFeatures);
    Counter failures = Counter.builder(MetricNames.METRICS_FAILURES)
        .description("Recordings that failed and were dropped (requests are unaffected)")
        .register(registry);
    this.requests = enabled ? new RequestMetrics(labels, features,
        new RequestMeters(registry, labels, features), failures) : outcome -> { };
    this.rollouts = new RolloutMetrics(registry, labels);
    this.audit = enabled ? new AuditMeters(registry) : AuditTimer.NONE;
  }

  /**
   * Metrics for a gateway built from {@code config}, with JVM and process metrics, gauges
   * over {@code backends}' health, and the counts of those that batch.
   */
  public static GatewayMetrics start(FulcrumConfig config, Backends backends) {
    MetricsConfig settings = config.metrics();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    JvmGcMetrics gc = null;
    if (settings.enabled()) {
      new ClassLoaderMetrics().bindTo(registry);
      new JvmMemoryMetrics().bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
      new UptimeMetrics().bindTo(registry);
      gc = new JvmGcMetrics();
      gc.bindTo(registry);
    }
    GatewayMetrics metrics = new GatewayMetrics(settings.enabled(), registry,
        labels(config, backends), settings.maxFeatures(), gc);
    metrics.watch(backends.healthRegistry());
    if (settings.enabled()) {
      BatcherGauges.register(registry, backends.all());
    }
    return metrics;
  }

  /** Metrics on {@code registry} with {@code labels}, for tests. */
  static GatewayMetrics create(MetricsConfig settings, LabelSpace labels,
      PrometheusMeterRegistry registry) {
    return new GatewayMetrics(settings.enabled(), registry, labels, settings.maxFeatures(), null);
  }

  private static LabelSpace labels(FulcrumConfig config, Backends backends) {
    Map<String, Placement> placements = new LinkedHashMap<>();
    for (Backend backend : backends.all()) {
      placements.put(backend.info().name(), backend.info().placement());
    }
    List<String> models = config.routing().models().stream().map(m -> m.alias()).toList();
    List<String> tenants = config.tenants().stream().map(t -> t.tenant().id()).toList();
    return LabelSpace.of(models, placements, tenants, config.metrics().tenantLabels());
  }

  @Override
  public void observe(Outcome outcome) {
    if (enabled) {
      requests.observe(outcome);
    }
  }

  /** Publishes each backend's breaker state, EWMA latency and error rate, and in-flight calls. */
  public void watch(HealthRegistry health) {
    if (enabled) {
      BackendGauges.register(registry, health, labels);
    }
  }

  /** Publishes the mirror's dropped and skipped counts; returns {@code mirror} for chaining. */
  public ShadowMirror watch(ShadowMirror mirror) {
    if (enabled) {
      BackendGauges.register(registry, mirror);
    }
    return mirror;
  }

  /** Counts rollbacks that {@code rollouts} commits on this replica. */
  public void watch(RolloutService rollouts) {
    if (enabled) {
      this.rollouts.listen(rollouts);
    }
  }

  /**
   * Counts one rollback, for callers that learn of rollbacks some other way than {@link
   * #watch(RolloutService)} (do not do both for the same service).
   *
   * @param byPolicy whether the rollout policy decided it ({@code by="policy"}), else a person
   */
  public void rolledBack(String model, boolean byPolicy) {
    if (enabled) {
      rollouts.rolledBack(model, byPolicy);
    }
  }

  /** What the audit recorder times its appends with ({@link AuditTimer#NONE} when disabled). */
  public AuditTimer auditTimer() {
    return audit;
  }

  /** The {@code GET /metrics} route, for {@code GatewayServer.Dependencies#mounts}. */
  public Consumer<Router> endpoint() {
    return enabled ? new MetricsEndpoint(registry) : router -> { };
  }

  /** The registry, for other components that publish their own meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The current scrape, as {@code GET /metrics} would answer it. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}
