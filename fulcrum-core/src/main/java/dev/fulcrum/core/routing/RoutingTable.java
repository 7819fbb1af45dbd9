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
 * which backends are switched off, which models are withdrawn (known but not servable now) and
 * which are served by a fallback version. The control plane publishes a new table on every
 * change; the data plane only reads.
 */
public final class RoutingTable {
  private final Map<String, ModelRoutes> models;
  private final Set<String> disabledBackends;
  private final Map<String, String> withdrawn;
  private final Set<String> degraded;

  private RoutingTable(Map<String, ModelRoutes> models, Set<String> disabledBackends,
      Map<String, String> withdrawn, Set<String> degraded) {
    this.models = models;
    this.disabledBackends = disabledBackends;
    this.withdrawn = withdrawn;
    this.degraded = degraded;
  }

  /** A table of {@code models}, keeping their order for listings, with every backend on. */
  public static RoutingTable of(List<ModelRoutes> models) {
    return of(models, Set.of());
  }

  /**
   * @param disabledBackends backends a kill switch has turned off; the router drops them
   */
  public static RoutingTable of(List<ModelRoutes> models, Set<String> disabledBackends) {
    return of(models, disabledBackends, Map.of(), Set.of());
  }

  /**
   * @param withdrawn models that exist but cannot be served now (e.g. switched off), with a
   *     message for callers; the router answers 503 for them
   * @param degraded models served by a fallback version; answers are marked degraded
   */
  public static RoutingTable of(List<ModelRoutes> models, Set<String> disabledBackends,
      Map<String, String> withdrawn, Set<String> degraded) {
    Map<String, ModelRoutes> byAlias = new LinkedHashMap<>();
    for (ModelRoutes model : models) {
      if (byAlias.putIfAbsent(model.alias(), model) != null) {
        throw new IllegalArgumentException("model alias '" + model.alias() + "' is defined twice");
      }
    }
    return new RoutingTable(Collections.unmodifiableMap(byAlias), Set.copyOf(disabledBackends),
        Map.copyOf(withdrawn), Set.copyOf(degraded));
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

  /** Why {@code alias} cannot be served now, when it is withdrawn. */
  public Optional<String> withdrawn(String alias) {
    return Optional.ofNullable(withdrawn.get(alias));
  }

  /** Whether {@code alias} is served by a fallback version. */
  public boolean degraded(String alias) {
    return degraded.contains(alias);
  }

  /** The same table with {@code change} applied to every model (e.g. overlaying policies). */
  public RoutingTable mapModels(java.util.function.UnaryOperator<ModelRoutes> change) {
    return of(models.values().stream().map(change).toList(), disabledBackends, withdrawn,
        degraded);
  }
}
