package dev.fulcrum.controlplane.registry;

import dev.fulcrum.core.routing.Route;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored version: its immutable definition, where it is in its lifecycle, and when it was
 * registered.
 */
public record ModelVersion(VersionSpec spec, VersionState state, Instant createdAt) {
  public ModelVersion {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public String model() {
    return spec.model();
  }

  public String version() {
    return spec.version();
  }

  /** {@code model@version}. */
  public String id() {
    return spec.id();
  }

  public List<Route> routes() {
    return spec.routes();
  }
}
