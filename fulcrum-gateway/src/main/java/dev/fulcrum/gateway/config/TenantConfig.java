package dev.fulcrum.gateway.config;

import dev.fulcrum.core.tenant.Tenant;
import java.util.List;
import java.util.Objects;

/**
 * One {@code tenants[]} entry.
 *
 * @param tenant who
 * @param apiKeyHashes the tenant's keys, as {@code sha256:…} hashes only
 */
public record TenantConfig(Tenant tenant, List<String> apiKeyHashes) {
  public TenantConfig {
    Objects.requireNonNull(tenant, "tenant");
    apiKeyHashes = List.copyOf(apiKeyHashes);
  }
}
