package dev.fulcrum.dataplane.routing;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Capability;
import java.util.Optional;
import java.util.Set;

/** What the router may know about backends: a read-only view, no I/O. */
public interface BackendView {

  /** The backend named {@code name}, when one is configured. */
  Optional<BackendInfo> info(String name);

  /** What the backend named {@code name} can do; empty for an unknown name. */
  Set<Capability> capabilities(String name);
}
