package dev.fulcrum.controlplane.archive;

import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.core.tenant.Tenant;
import java.util.Objects;

/** A change to a tenant's keys, told to {@link RequestArchive#onKeyChange} listeners. */
public sealed interface KeyChange {

  Tenant tenant();

  /** Who made it and why. */
  Change change();

  /**
   * New data is sealed under a new key version; the older ones still decrypt.
   *
   * @param version the new current version
   */
  record Rotated(Tenant tenant, int version, Change change) implements KeyChange {
    public Rotated {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(change, "change");
    }
  }

  /**
   * Every key version of the tenant was destroyed; its archived records are unreadable for good.
   *
   * @param destroyed how many key versions were destroyed (0 when it had none)
   */
  record Shredded(Tenant tenant, int destroyed, Change change) implements KeyChange {
    public Shredded {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(change, "change");
    }
  }
}
