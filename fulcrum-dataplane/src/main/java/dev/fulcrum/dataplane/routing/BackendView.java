package dev.fulcrum.dataplane.routing;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Capability;
import dev.fulcrum.dataplane.health.HealthSnapshot;
import java.util.Optional;
import java.util.Set;

/** What the router may know about backends: a read-only, in-memory view, no I/O. */
public interface BackendView {

  /** The backend named {@code name}, when one is configured. */
  Optional<BackendInfo> info(String name);

  /** What the backend named {@code name} can do; empty for an unknown name. */
  Set<Capability> capabilities(String name);

  /** Its current health; unknown backends look healthy. */
  default HealthSnapshot health(String name) {
    return HealthSnapshot.unknown(name);
  }
}
