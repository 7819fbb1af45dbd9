package dev.fulcrum.dataplane.routing;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.error.NotFoundException;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides where a request goes. A pure function of (request facts, routing table, backend
 * view): no I/O, no clock, safe to call from any thread.
 *
 * <p>Candidates are the alias's routes in the operator's order; each filter drops candidates
 * with a reason, and the survivors become the chosen backend and its fallbacks.
 */
public final class Router {

  /**
   * @throws NotFoundException when {@code alias} is not a configured model
   */
  public Decision decide(String alias, Operation operation, RoutingTable table,
      BackendView backends) {
    ModelRoutes model = table.lookup(alias).orElseThrow(() -> unknownModel(alias, table));
    List<Candidate> kept = new ArrayList<>(model.routes().size());
    List<Dropped> dropped = new ArrayList<>();
    for (Route route : model.routes()) {
      Optional<BackendInfo> info = backends.info(route.backend());
      if (info.isEmpty()) {
        dropped.add(new Dropped(route.backend(), Dropped.Cause.UNAVAILABLE,
            "no such backend is running"));
      } else if (!backends.capabilities(route.backend()).contains(operation.required())) {
        dropped.add(new Dropped(route.backend(), Dropped.Cause.UNSUPPORTED,
            "does not serve " + operation.description()));
      } else {
        kept.add(new Candidate(route, info.get()));
      }
    }
    if (kept.isEmpty()) {
      return new Decision.Rejected(alias, dropped);
    }
    return new Decision.Routed(kept.getFirst(), kept.subList(1, kept.size()), dropped);
  }

  private static NotFoundException unknownModel(String alias, RoutingTable table) {
    String known = table.models().stream().map(ModelRoutes::alias)
        .collect(Collectors.joining(", "));
    return new NotFoundException("model '" + abbreviate(alias) + "' does not exist; known "
        + "models: " + (known.isEmpty() ? "(none configured)" : known), "model_not_found");
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
