package dev.fulcrum.controlplane.telemetry;

import dev.fulcrum.core.tenant.Tenant;
import java.util.Objects;

/**
 * One tenant's usage of one feature on one day, before clamping.
 *
 * @param tenant whose usage it is
 * @param requests how many requests
 * @param tokens how many tokens (prompt plus completion)
 */
public record TenantUsage(Tenant tenant, long requests, long tokens) {
  public TenantUsage {
    Objects.requireNonNull(tenant, "tenant");
    if (requests < 0 || tokens < 0) {
      throw new IllegalArgumentException("usage counts must not be negative");
    }
  }
}
