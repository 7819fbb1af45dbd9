package dev.fulcrum.controlplane.tenant;

import dev.fulcrum.core.tenant.Tenant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Resolves a presented API key to its tenant. Immutable and thread-safe. */
public final class TenantDirectory {
  private final Map<String, Tenant> byKeyHash;

  private TenantDirectory(Map<String, Tenant> byKeyHash) {
    this.byKeyHash = byKeyHash;
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

  /** The tenant owning {@code presentedKey}, if any. */
  public Optional<Tenant> authenticate(String presentedKey) {
    return Optional.ofNullable(byKeyHash.get(ApiKeyHash.of(presentedKey)));
  }
}
