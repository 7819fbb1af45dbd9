/**
 * Limits and usage in the gateway: wires rate counters (in memory or Redis), the data plane's
 * limiter, the usage ledger and opt-in DP telemetry from the config, and serves
 * {@code GET /admin/v1/usage} and {@code POST /admin/v1/telemetry/release} behind the admin
 * API's key check (docs/limits.md).
 */
package dev.fulcrum.gateway.limits;
