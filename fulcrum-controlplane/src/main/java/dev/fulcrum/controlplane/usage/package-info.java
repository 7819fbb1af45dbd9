/**
 * The usage ledger: requests, tokens and cost per tenant, feature ({@code x-fulcrum-feature}),
 * model and UTC day, in the control-plane store (SQLite or PostgreSQL).
 *
 * <p>Recording is for the request path and never touches the store: counts aggregate in memory
 * and one writer thread upserts them in batches, adding to the rows other replicas write too.
 * Month-to-date spend per tenant (for budgets) is the store's sum, re-read periodically on that
 * same thread, plus what this process has not written yet. Queries sum stored rows by any of
 * tenant, feature, model and day; {@link dev.fulcrum.controlplane.usage.UsageTelemetry} releases
 * a feature's per-tenant usage of one day as differentially private telemetry.
 */
package dev.fulcrum.controlplane.usage;
