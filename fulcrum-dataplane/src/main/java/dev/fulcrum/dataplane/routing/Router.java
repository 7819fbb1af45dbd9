package dev.fulcrum.dataplane.routing;

import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.NotFoundException;
import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingPolicy;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.routing.VersionRoutes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides where a request goes. A pure function of (request facts, routing table, backend
 * view): no I/O, no clock of its own, safe to call from any thread.
 *
 * <p>The model's version is picked by weight from the caller's sticky hash; that version's
 * routes are screened in order ({@link Screen}: existence, capability, kill switch, privacy,
 * health, budget, latency target, cost cap), each drop with a reason; the survivors are ordered
 * by the model's strategy into the chosen backend and its fallbacks. When nothing survives
 * because routes are down and the model names a degraded-mode model, that model is routed
 * instead and the decision is marked degraded.
 */
public final class Router {

  /**
   * @throws NotFoundException when the alias is not a configured model
   * @throws ServiceUnavailableException when the model is withdrawn (e.g. switched off)
   */
  public Decision decide(RouteQuery query, RoutingTable table, BackendView backends) {
    ModelRoutes model = table.lookup(query.alias())
        .orElseThrow(() -> unknownModel(query.alias(), table));
    Decision decision = decideFor(model, query, table, backends, table.degraded(model.alias()));
    if (decision instanceof Decision.Rejected rejected && anyUnavailable(rejected)) {
      Optional<ModelRoutes> fallback = model.policy().degradedModel().flatMap(table::lookup);
      if (fallback.isPresent()) {
        Decision degraded = decideFor(fallback.get(), query.withAlias(fallback.get().alias()),
            table, backends, true);
        List<Dropped> all = new ArrayList<>(rejected.dropped());
        all.addAll(degraded.dropped());
        return switch (degraded) {
          case Decision.Routed routed -> new Decision.Routed(routed.version(), routed.chosen(),
              routed.fallbacks(), all, true);
          case Decision.Rejected ignored -> new Decision.Rejected(query.alias(), all);
        };
      }
    }
    return decision;
  }

  private static Decision decideFor(ModelRoutes model, RouteQuery query, RoutingTable table,
      BackendView backends, boolean degraded) {
    VersionRoutes version = model.pick(query.stickyHash());
    List<Candidate> kept = new ArrayList<>(version.routes().size());
    List<Dropped> dropped = new ArrayList<>(2);
    for (Route route : version.routes()) {
      Screen.route(route, query, table, backends, kept, dropped);
    }
    if (kept.isEmpty()) {
      return new Decision.Rejected(query.alias(), dropped);
    }
    order(kept, model.policy().strategy());
    return new Decision.Routed(model.alias() + "@" + version.version(), kept.getFirst(),
        kept.subList(1, kept.size()), dropped, degraded);
  }

  /** Stable sorts, so ties keep the operator's order. */
  private static void order(List<Candidate> kept, RoutingPolicy.Strategy strategy) {
    switch (strategy) {
      case ORDERED -> { }
      case CHEAPEST -> kept.sort(Comparator.comparingDouble(Candidate::estimatedCostUsd));
      case FASTEST -> kept.sort(Comparator.comparingLong(
          c -> c.latencyMicros() < 0 ? Long.MAX_VALUE : c.latencyMicros()));
    }
  }

  private static boolean anyUnavailable(Decision.Rejected rejected) {
    return rejected.dropped().stream().anyMatch(d -> d.cause() == Dropped.Cause.UNAVAILABLE);
  }

  private static FulcrumException unknownModel(String alias, RoutingTable table) {
    Optional<String> withdrawn = table.withdrawn(alias);
    if (withdrawn.isPresent()) {
      return new ServiceUnavailableException(withdrawn.get(), null);
    }
    String known = table.models().stream().map(ModelRoutes::alias)
        .collect(Collectors.joining(", "));
    return new NotFoundException("model '" + abbreviate(alias) + "' does not exist; known "
        + "models: " + (known.isEmpty() ? "(none configured)" : known), "model_not_found");
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
