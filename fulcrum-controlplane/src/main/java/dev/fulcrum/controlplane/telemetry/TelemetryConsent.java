package dev.fulcrum.controlplane.telemetry;

import dev.fulcrum.core.tenant.Tenant;

/** Which tenants opted in to aggregate telemetry; usage of the others is dropped unread. */
@FunctionalInterface
public interface TelemetryConsent {

  /** Whether {@code tenant}'s usage may contribute to released aggregates. */
  boolean optedIn(Tenant tenant);
}
