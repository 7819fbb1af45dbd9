package dev.fulcrum.gateway.metrics;

import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.routing.Operation;
import dev.fulcrum.gateway.metrics.MetricNames.Labels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;

/**
 * The meters of request outcomes, one table per metric, indexed by label positions (operation,
 * model, backend, outcome, tenant, feature). Each meter is registered on first use with exactly
 * the labels its position names.
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
  record Route(DistributionSummary cost, DistributionSummary tokensPerSecond) {}

  /** Cost and request counters of one feature. */
  record Feature(Counter cost, Counter requests) {}

  private final MeterRegistry registry;
  private final LabelSpace labels;
  private final FeatureLabels features;

  /** [operation][model][backend] */
  final MeterTable<Timer> latency;
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

  RequestMeters(MeterRegistry registry, LabelSpace labels, FeatureLabels features) {
    this.registry = registry;
    this.labels = labels;
    this.features = features;
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

  private Timer latency(int[] c) {
    return Timer.builder(MetricNames.REQUEST_DURATION)
        .description("Time from taking a served request to its answer (or stream end)")
        .tags(Tags.of(Labels.OPERATION, operation(c[0]), Labels.MODEL, labels.models.value(c[1]),
            Labels.PLACEMENT, labels.placement(c[2]), Labels.BACKEND,
            labels.backends.value(c[2])))
        .serviceLevelObjectives(Buckets.LATENCY)
        .register(registry);
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
    Tags tags = Tags.of(Labels.MODEL, labels.models.value(c[0]), Labels.BACKEND,
        labels.backends.value(c[1]));
    return new Route(DistributionSummary.builder(MetricNames.REQUEST_COST)
        .description("Cost of each served request at its route's prices, in millionths of a "
            + "US dollar")
        .baseUnit("microusd").tags(tags).serviceLevelObjectives(Buckets.COST_MICRO_USD)
        .register(registry),
        DistributionSummary.builder(MetricNames.COMPLETION_TOKENS_PER_SECOND)
            .description("Completion tokens per second of request time, per served request")
            .tags(tags).serviceLevelObjectives(Buckets.TOKENS_PER_SECOND).register(registry));
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
