package dev.fulcrum.core.routing;

import java.util.List;
import java.util.Objects;

/**
 * A model alias callers use and the routes that can serve it, in the operator's order of
 * preference.
 */
public record ModelRoutes(String alias, List<Route> routes) {
  public ModelRoutes {
    Objects.requireNonNull(alias, "alias");
    routes = List.copyOf(routes);
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("model '" + alias + "' needs at least one route");
    }
  }
}
