package dev.fulcrum.core.routing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of which model aliases exist and how each may be served. The control
 * plane publishes a new table on every change; the data plane only reads.
 */
public final class RoutingTable {
  private final Map<String, ModelRoutes> models;

  private RoutingTable(Map<String, ModelRoutes> models) {
    this.models = models;
  }

  /** A table of {@code models}, keeping their order for listings. */
  public static RoutingTable of(List<ModelRoutes> models) {
    Map<String, ModelRoutes> byAlias = new LinkedHashMap<>();
    for (ModelRoutes model : models) {
      if (byAlias.putIfAbsent(model.alias(), model) != null) {
        throw new IllegalArgumentException("model alias '" + model.alias() + "' is defined twice");
      }
    }
    return new RoutingTable(java.util.Collections.unmodifiableMap(byAlias));
  }

  public Optional<ModelRoutes> lookup(String alias) {
    return Optional.ofNullable(models.get(alias));
  }

  /** Every alias, in definition order. */
  public Collection<ModelRoutes> models() {
    return models.values();
  }
}
