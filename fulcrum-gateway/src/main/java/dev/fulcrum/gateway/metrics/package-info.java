/**
 * Prometheus metrics at {@code GET /metrics}: one {@link
 * dev.fulcrum.gateway.metrics.GatewayMetrics} per gateway, which observes every request outcome
 * (latency, outcomes, tokens, cost, fallbacks, privacy), polls backend health, batcher and
 * shadow counters at scrape time, listens to rollouts, and offers {@link
 * dev.fulcrum.gateway.metrics.AuditTimer} to the audit recorder.
 *
 * <p><b>Rules.</b> Every metric name is a constant in {@link
 * dev.fulcrum.gateway.metrics.MetricNames}. Label values come only from bounded sets: models,
 * backends and tenants from the config (anything else is {@code unknown}), features capped at
 * {@code metrics.max-features} (then {@code other}), error kinds and entity types from closed
 * enums. Tenant ids are labels only with {@code metrics.tenant-labels: true}; prompts, answers
 * and keys never are. Recording never throws into the request path: failures are logged and
 * counted in {@code fulcrum_metrics_failures_total}.
 *
 * <p><b>Cost per request.</b> Meters are created once per label combination, on first use, and
 * kept in arrays indexed by label position ({@code MeterTable}), so recording a request is a few
 * hash lookups of strings already in hand, array reads and atomic increments, with no tag
 * building.
 */
package dev.fulcrum.gateway.metrics;
