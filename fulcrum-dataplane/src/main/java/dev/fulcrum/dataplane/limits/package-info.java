/**
 * Admission control, checked before routing: per-tenant requests per minute, tokens per minute
 * and monthly budgets ({@link dev.fulcrum.dataplane.limits.Limiter}).
 *
 * <p><b>Counters.</b> Rates are token buckets behind {@link
 * dev.fulcrum.dataplane.limits.RateCounters}: in this process (Bucket4j, the embedded default)
 * or in Redis, where each check-and-take over all of a request's buckets is one atomic Lua
 * script, so any number of replicas enforce one exact limit. Both keep the same buckets: a
 * minute's allowance, refilled continuously, starting full.
 *
 * <p><b>Tokens.</b> A request reserves its estimate when admitted; the pipeline's outcome
 * refunds or charges the difference to the actual usage, so buckets are exact over time.
 *
 * <p><b>Budgets.</b> Month-to-date spend comes from {@link
 * dev.fulcrum.dataplane.limits.Spending}, which the gateway's wiring feeds from the usage ledger
 * (written and not yet written); the data plane never reads the store. A spent budget narrows
 * routing to free routes instead of failing admission.
 */
package dev.fulcrum.dataplane.limits;
