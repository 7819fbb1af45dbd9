package dev.fulcrum.gateway.config;

import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.limits.TenantLimits;
import java.util.List;
import java.util.Objects;

/**
 * One {@code tenants[]} entry.
 *
 * @param tenant who
 * @param apiKeyHashes the tenant's keys, as {@code sha256:…} hashes only
 * @param limits rate limits, token quotas and monthly budget (default: none)
 */
public record TenantConfig(Tenant tenant, List<String> apiKeyHashes, TenantLimits limits) {
  public TenantConfig {
    Objects.requireNonNull(tenant, "tenant");
    apiKeyHashes = List.copyOf(apiKeyHashes);
    Objects.requireNonNull(limits, "limits");
  }

  /** A tenant without limits. */
  public TenantConfig(Tenant tenant, List<String> apiKeyHashes) {
    this(tenant, apiKeyHashes, TenantLimits.NONE);
  }
}
