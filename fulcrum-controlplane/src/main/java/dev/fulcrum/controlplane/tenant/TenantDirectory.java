package dev.fulcrum.controlplane.tenant;

import dev.fulcrum.core.tenant.Tenant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Resolves a presented API key to its tenant. Immutable and thread-safe. */
public final class TenantDirectory {
  private final Map<String, Tenant> byKeyHash;
  private final Map<String, Tenant> byId;

  private TenantDirectory(Map<String, Tenant> byKeyHash) {
    this.byKeyHash = byKeyHash;
    Map<String, Tenant> ids = new HashMap<>();
    byKeyHash.values().forEach(tenant -> ids.put(tenant.id(), tenant));
    this.byId = Map.copyOf(ids);
  }

  /**
   * @param byKeyHash stored key hashes ({@link ApiKeyHash} form) to their tenants
   * @throws IllegalArgumentException when a key is not in the stored form
   */
  public static TenantDirectory of(Map<String, Tenant> byKeyHash) {
    for (String hash : byKeyHash.keySet()) {
      if (!ApiKeyHash.isHash(hash)) {
        throw new IllegalArgumentException("API keys must be stored as sha256:<64 hex digits>");
      }
    }
    return new TenantDirectory(Map.copyOf(new HashMap<>(byKeyHash)));
  }

  /** The tenant with {@code id}, if it has any key here. */
  public Optional<Tenant> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The tenant owning {@code presentedKey}, if any. */
  public Optional<Tenant> authenticate(String presentedKey) {
    return Optional.ofNullable(byKeyHash.get(ApiKeyHash.of(presentedKey)));
  }
}
