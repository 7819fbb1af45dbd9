package dev.fulcrum.dataplane.routing;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.routing.Route;
import java.util.Objects;

/**
 * A route the router kept, with the numbers it ranked it by.
 *
 * @param route the route
 * @param backend the backend it names
 * @param estimatedCostUsd the request's estimated cost on this route
 * @param latencyMicros the backend's EWMA latency, or -1 when unknown
 */
public record Candidate(Route route, BackendInfo backend, double estimatedCostUsd,
    long latencyMicros) {
  public Candidate {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(backend, "backend");
  }
}
