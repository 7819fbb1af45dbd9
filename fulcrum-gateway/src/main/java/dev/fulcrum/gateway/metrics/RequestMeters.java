package dev.fulcrum.gateway.metrics;

import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.routing.Operation;
import dev.fulcrum.gateway.metrics.MetricNames.Labels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.Locale;

/**
 * The meters of request outcomes, one table per metric, indexed by label positions (operation,
 * model, backend, outcome, tenant, feature). Each meter is registered on first use with exactly
 * the labels its position names.
 *
 * <p>The three histograms are Prometheus client histograms (classic buckets only, no exemplars)
 * in the registry's own Prometheus registry, so they appear in the same scrape: an observation
 * costs about a third of a Micrometer timer's, which adds a time-window max and more bookkeeping.
 * Counters stay Micrometer's.
 */
final class RequestMeters {
  static final int SERVED = 0;
  static final int REFUSED = 1;
  private static final Operation[] OPERATIONS = Operation.values();
  private static final EntityType[] ENTITY_TYPES = EntityType.values();
  private static final String[] OUTCOME_NAMES = {"served", "refused"};

  /** Prompt and completion token counters of one label combination. */
  record Tokens(Counter prompt, Counter completion) {}

  /** Cost and speed distributions of one model on one backend. */
  record Route(DistributionDataPoint cost, DistributionDataPoint tokensPerSecond) {}

  /** Cost and request counters of one feature. */
  record Feature(Counter cost, Counter requests) {}

  private final PrometheusMeterRegistry registry;
  private final LabelSpace labels;
  private final FeatureLabels features;
  private final Histogram latencyFamily;
  private final Histogram costFamily;
  private final Histogram speedFamily;

  /** [operation][model][backend], in seconds */
  final MeterTable<DistributionDataPoint> latency;
  /** [operation][model][outcome][tenant] */
  final MeterTable<Counter> requests;
  /** [model][backend][tenant] */
  final MeterTable<Tokens> tokens;
  /** [model][backend] */
  final MeterTable<Route> routes;
  /** [feature][tenant] */
  final MeterTable<Feature> featureMeters;
  /** [model][first choice backend][serving backend] */
  final MeterTable<Counter> fallbacks;
  /** [model asked for] */
  final MeterTable<Counter> degraded;
  /** [model][served or refused] */
  final MeterTable<Counter> incidents;
  /** [backend] */
  final MeterTable<Counter> blocked;
  /** [entity type] */
  final MeterTable<Counter> entities;

  RequestMeters(PrometheusMeterRegistry registry, LabelSpace labels, FeatureLabels features) {
    this.registry = registry;
    this.labels = labels;
    this.features = features;
    this.latencyFamily = histogram(MetricNames.REQUEST_DURATION, "Time from taking a served "
        + "request to its answer (or stream end)", Buckets.LATENCY_SECONDS, Labels.OPERATION,
        Labels.MODEL, Labels.PLACEMENT, Labels.BACKEND);
    this.costFamily = histogram(MetricNames.REQUEST_COST, "Cost of each served request at its "
        + "route's prices", Buckets.COST_USD, Labels.MODEL, Labels.BACKEND);
    this.speedFamily = histogram(MetricNames.COMPLETION_TOKENS_PER_SECOND, "Completion tokens "
        + "per second of request time, per served request", Buckets.TOKENS_PER_SECOND,
        Labels.MODEL, Labels.BACKEND);
    int ops = OPERATIONS.length;
    int models = labels.models.size();
    int backends = labels.backends.size();
    int tenants = labels.tenants.size();
    latency = new MeterTable<>(this::latency, ops, models, backends);
    requests = new MeterTable<>(this::requests, ops, models, Outcomes.values().length, tenants);
    tokens = new MeterTable<>(this::tokens, models, backends, tenants);
    routes = new MeterTable<>(this::route, models, backends);
    featureMeters = new MeterTable<>(this::feature, features.size(), tenants);
    fallbacks = new MeterTable<>(this::fallback, models, backends, backends);
    degraded = new MeterTable<>(c -> Counter.builder(MetricNames.DEGRADED)
        .description("Requests served by the model's degraded-mode model")
        .tags(Labels.MODEL, labels.models.value(c[0])).register(registry), models);
    incidents = new MeterTable<>(this::incident, models, OUTCOME_NAMES.length);
    blocked = new MeterTable<>(this::blocked, backends);
    entities = new MeterTable<>(c -> Counter.builder(MetricNames.PII_ENTITIES)
        .description("Personal data entities found in requests, by type")
        .tags(Labels.TYPE, ENTITY_TYPES[c[0]].name()).register(registry), ENTITY_TYPES.length);
  }

  private Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
    return Histogram.builder().name(name).help(help).labelNames(labelNames).classicOnly()
        .classicUpperBounds(buckets).withoutExemplars()
        .register(registry.getPrometheusRegistry());
  }

  private DistributionDataPoint latency(int[] c) {
    return latencyFamily.labelValues(operation(c[0]), labels.models.value(c[1]),
        labels.placement(c[2]), labels.backends.value(c[2]));
  }

  private Counter requests(int[] c) {
    Outcomes outcome = Outcomes.at(c[2]);
    return Counter.builder(MetricNames.REQUESTS)
        .description("Requests that reached the pipeline, by how they ended")
        .tags(withTenant(Tags.of(Labels.OPERATION, operation(c[0]), Labels.MODEL,
            labels.models.value(c[1]), Labels.STATUS, outcome.status, Labels.ERROR,
            outcome.error), c[3]))
        .register(registry);
  }

  private Tokens tokens(int[] c) {
    Tags tags = withTenant(Tags.of(Labels.MODEL, labels.models.value(c[0]), Labels.BACKEND,
        labels.backends.value(c[1])), c[2]);
    return new Tokens(tokenCounter(tags, "prompt"), tokenCounter(tags, "completion"));
  }

  private Counter tokenCounter(Tags tags, String kind) {
    return Counter.builder(MetricNames.TOKENS)
        .description("Tokens of served requests, as reported by the backend")
        .tags(tags.and(Labels.KIND, kind)).register(registry);
  }

  private Route route(int[] c) {
    String model = labels.models.value(c[0]);
    String backend = labels.backends.value(c[1]);
    return new Route(costFamily.labelValues(model, backend),
        speedFamily.labelValues(model, backend));
  }

  private Feature feature(int[] c) {
    Tags tags = withTenant(Tags.of(Labels.FEATURE, features.name(c[0])), c[1]);
    return new Feature(Counter.builder(MetricNames.FEATURE_COST)
        .description("Total cost of served requests by x-fulcrum-feature")
        .baseUnit("usd").tags(tags).register(registry),
        Counter.builder(MetricNames.FEATURE_REQUESTS)
            .description("Served requests by x-fulcrum-feature").tags(tags).register(registry));
  }

  private Counter fallback(int[] c) {
    return Counter.builder(MetricNames.FALLBACKS)
        .description("Requests served by a fallback after the first choice failed")
        .tags(Labels.MODEL, labels.models.value(c[0]), Labels.FROM,
            labels.backends.value(c[1]), Labels.TO, labels.backends.value(c[2]))
        .register(registry);
  }

  private Counter incident(int[] c) {
    return Counter.builder(MetricNames.PRIVACY_INCIDENTS)
        .description("Requests for which privacy policy dropped at least one placement")
        .tags(Labels.MODEL, labels.models.value(c[0]), Labels.OUTCOME, OUTCOME_NAMES[c[1]])
        .register(registry);
  }

  private Counter blocked(int[] c) {
    return Counter.builder(MetricNames.PRIVACY_BLOCKED_EGRESS)
        .description("Candidate backends dropped because privacy policy forbids them")
        .tags(Labels.BACKEND, labels.backends.value(c[0]), Labels.PLACEMENT,
            labels.placement(c[0]))
        .register(registry);
  }

  private Tags withTenant(Tags tags, int tenant) {
    return labels.tenantLabels ? tags.and(Labels.TENANT, labels.tenants.value(tenant)) : tags;
  }

  private static String operation(int ordinal) {
    return OPERATIONS[ordinal].name().toLowerCase(Locale.ROOT);
  }
}
