package dev.fulcrum.core.routing;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of which models exist, how each is split across versions and routes,
 * and which backends are switched off. The control plane publishes a new table on every change;
 * the data plane only reads.
 */
public final class RoutingTable {
  private final Map<String, ModelRoutes> models;
  private final Set<String> disabledBackends;

  private RoutingTable(Map<String, ModelRoutes> models, Set<String> disabledBackends) {
    this.models = models;
    this.disabledBackends = disabledBackends;
  }

  /** A table of {@code models}, keeping their order for listings, with every backend on. */
  public static RoutingTable of(List<ModelRoutes> models) {
    return of(models, Set.of());
  }

  /**
   * @param disabledBackends backends a kill switch has turned off; the router drops them
   */
  public static RoutingTable of(List<ModelRoutes> models, Set<String> disabledBackends) {
    Map<String, ModelRoutes> byAlias = new LinkedHashMap<>();
    for (ModelRoutes model : models) {
      if (byAlias.putIfAbsent(model.alias(), model) != null) {
        throw new IllegalArgumentException("model alias '" + model.alias() + "' is defined twice");
      }
    }
    return new RoutingTable(Collections.unmodifiableMap(byAlias), Set.copyOf(disabledBackends));
  }

  public Optional<ModelRoutes> lookup(String alias) {
    return Optional.ofNullable(models.get(alias));
  }

  /** Every model, in definition order. */
  public Collection<ModelRoutes> models() {
    return models.values();
  }

  public boolean disabled(String backend) {
    return disabledBackends.contains(backend);
  }

  public Set<String> disabledBackends() {
    return disabledBackends;
  }
}
