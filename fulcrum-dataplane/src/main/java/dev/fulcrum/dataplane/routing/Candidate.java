package dev.fulcrum.dataplane.routing;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.routing.Route;
import java.util.Objects;

/** A route together with the backend it names. */
public record Candidate(Route route, BackendInfo backend) {
  public Candidate {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(backend, "backend");
  }
}
