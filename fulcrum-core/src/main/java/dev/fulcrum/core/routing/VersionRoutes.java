package dev.fulcrum.core.routing;

import java.util.List;
import java.util.Objects;

/**
 * One version of a model, its share of the traffic, and the routes that serve it.
 *
 * @param version the version id ({@code 3}, {@code 2025-06-01}, …), reported to callers as
 *     {@code alias@version}
 * @param weight relative share of traffic; 0 keeps the version known but unused
 * @param routes how to serve it, in the operator's order of preference
 */
public record VersionRoutes(String version, int weight, List<Route> routes) {
  public VersionRoutes {
    Objects.requireNonNull(version, "version");
    routes = List.copyOf(routes);
    if (weight < 0) {
      throw new IllegalArgumentException("version weight must not be negative");
    }
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("version '" + version + "' needs at least one route");
    }
  }
}
