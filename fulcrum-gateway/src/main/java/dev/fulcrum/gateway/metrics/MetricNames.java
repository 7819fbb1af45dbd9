package dev.fulcrum.gateway.metrics;

/**
 * Every metric name and label name Fulcrum publishes, in one place. Most names are Micrometer's
 * dotted form, with the Prometheus name each becomes next to it; the three request-path
 * histograms are Prometheus client histograms and are named in Prometheus form ({@code
 * docs/metrics.md} explains each metric).
 */
public final class MetricNames {
  private MetricNames() {}

  /** Time to answer a served request (or to end its stream): a Prometheus client histogram. */
  public static final String REQUEST_DURATION = "fulcrum_request_duration_seconds";
  /** The cost of each served request in US dollars: a Prometheus client histogram. */
  public static final String REQUEST_COST = "fulcrum_request_cost_usd";
  /** Completion tokens over request time, per served request: a Prometheus client histogram. */
  public static final String COMPLETION_TOKENS_PER_SECOND =
      "fulcrum_completion_tokens_per_second";

  /** {@code fulcrum_requests_total}: requests that reached the pipeline, by outcome. */
  public static final String REQUESTS = "fulcrum.requests";

  /** {@code fulcrum_tokens_total}: prompt and completion tokens of served requests. */
  public static final String TOKENS = "fulcrum.tokens";

  /** {@code fulcrum_feature_cost_usd_total}: total cost by {@code x-fulcrum-feature}. */
  public static final String FEATURE_COST = "fulcrum.feature.cost";
  /** {@code fulcrum_feature_requests_total}: served requests by {@code x-fulcrum-feature}. */
  public static final String FEATURE_REQUESTS = "fulcrum.feature.requests";
  /** {@code fulcrum_fallbacks_total}: requests served by a fallback, not the first choice. */
  public static final String FALLBACKS = "fulcrum.fallbacks";
  /** {@code fulcrum_degraded_total}: requests served by a model's degraded-mode model. */
  public static final String DEGRADED = "fulcrum.degraded";

  /** {@code fulcrum_backend_circuit_state}: 1 for the breaker's current state, else 0. */
  public static final String BACKEND_CIRCUIT_STATE = "fulcrum.backend.circuit.state";
  /** {@code fulcrum_backend_latency_ewma_seconds}: the router's latency estimate. */
  public static final String BACKEND_LATENCY_EWMA = "fulcrum.backend.latency.ewma";
  /** {@code fulcrum_backend_error_rate_ewma}: the router's error-rate estimate, 0 to 1. */
  public static final String BACKEND_ERROR_RATE_EWMA = "fulcrum.backend.error.rate.ewma";
  /** {@code fulcrum_backend_in_flight}: calls to the backend under way. */
  public static final String BACKEND_IN_FLIGHT = "fulcrum.backend.in.flight";

  /** {@code fulcrum_shadow_dropped_total}: shadow copies dropped at the mirror's bounds. */
  public static final String SHADOW_DROPPED = "fulcrum.shadow.dropped";
  /** {@code fulcrum_shadow_skipped_total}: shadow copies routing refused. */
  public static final String SHADOW_SKIPPED = "fulcrum.shadow.skipped";

  /** {@code fulcrum_batcher_batches_total}: batches an adaptive batcher sent upstream. */
  public static final String BATCHER_BATCHES = "fulcrum.batcher.batches";
  /** {@code fulcrum_batcher_items_total}: items (texts, tensor rows) those batches carried. */
  public static final String BATCHER_ITEMS = "fulcrum.batcher.items";
  /** {@code fulcrum_batcher_queued}: items waiting to join a batch. */
  public static final String BATCHER_QUEUED = "fulcrum.batcher.queued";

  /** {@code fulcrum_pii_entities_total}: personal data found in requests, by type. */
  public static final String PII_ENTITIES = "fulcrum.pii.entities";
  /** {@code fulcrum_privacy_incidents_total}: requests with a placement dropped for privacy. */
  public static final String PRIVACY_INCIDENTS = "fulcrum.privacy.incidents";
  /** {@code fulcrum_privacy_blocked_egress_total}: candidates dropped for privacy. */
  public static final String PRIVACY_BLOCKED_EGRESS = "fulcrum.privacy.blocked.egress";

  /** {@code fulcrum_rollout_rollbacks_total}: rollouts rolled back. */
  public static final String ROLLBACKS = "fulcrum.rollout.rollbacks";
  /** {@code fulcrum_audit_append_duration_seconds}: from append to durable (or failed). */
  public static final String AUDIT_APPEND_DURATION = "fulcrum.audit.append.duration";
  /**
   * {@code fulcrum_archive_records_total}: chat requests handed to the encrypted archive, by
   * {@code outcome}: {@code written}, {@code failed} (the store or KEK failed), {@code dropped}
   * (the writer's queue was full).
   */
  public static final String ARCHIVE_RECORDS = "fulcrum.archive.records";
  /** {@code fulcrum_metrics_failures_total}: recordings that failed (and were dropped). */
  public static final String METRICS_FAILURES = "fulcrum.metrics.failures";

  /** Label names. */
  public static final class Labels {
    private Labels() {}

    public static final String OPERATION = "operation";
    public static final String MODEL = "model";
    public static final String BACKEND = "backend";
    public static final String PLACEMENT = "placement";
    public static final String STATUS = "status";
    public static final String ERROR = "error";
    public static final String TENANT = "tenant";
    public static final String KIND = "kind";
    public static final String FEATURE = "feature";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String STATE = "state";
    public static final String TYPE = "type";
    public static final String OUTCOME = "outcome";
    public static final String BY = "by";
  }

  /** Label values with a fixed meaning. */
  public static final class Values {
    private Values() {}

    /** A model, backend or tenant not in the config. */
    public static final String UNKNOWN = "unknown";
    /** A feature past the {@code metrics.max-features} cap. */
    public static final String OTHER = "other";
    /** A request without {@code x-fulcrum-feature}. */
    public static final String NONE = "none";
  }
}
