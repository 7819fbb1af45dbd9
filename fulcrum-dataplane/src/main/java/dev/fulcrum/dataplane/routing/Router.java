package dev.fulcrum.dataplane.routing;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.error.NotFoundException;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.routing.VersionRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides where a request goes. A pure function of (request facts, routing table, backend
 * view): no I/O, no clock, safe to call from any thread.
 *
 * <p>The model's version is picked by weight from the caller's sticky hash; that version's
 * routes, in the operator's order, are the candidates; each filter drops candidates with a
 * reason, and the survivors become the chosen backend and its fallbacks.
 */
public final class Router {

  /**
   * @throws NotFoundException when the alias is not a configured model
   */
  public Decision decide(RouteQuery query, RoutingTable table, BackendView backends) {
    ModelRoutes model = table.lookup(query.alias())
        .orElseThrow(() -> unknownModel(query.alias(), table));
    VersionRoutes version = model.pick(query.stickyHash());
    List<Candidate> kept = new ArrayList<>(version.routes().size());
    List<Dropped> dropped = new ArrayList<>();
    for (Route route : version.routes()) {
      Optional<Dropped> reason = screen(route, query.operation(), table, backends);
      if (reason.isPresent()) {
        dropped.add(reason.get());
      } else {
        kept.add(new Candidate(route, backends.info(route.backend()).orElseThrow()));
      }
    }
    String versionId = model.alias() + "@" + version.version();
    if (kept.isEmpty()) {
      return new Decision.Rejected(query.alias(), dropped);
    }
    return new Decision.Routed(versionId, kept.getFirst(), kept.subList(1, kept.size()),
        dropped);
  }

  private static Optional<Dropped> screen(Route route, Operation operation, RoutingTable table,
      BackendView backends) {
    Optional<BackendInfo> info = backends.info(route.backend());
    if (info.isEmpty()) {
      return Optional.of(new Dropped(route.backend(), Dropped.Cause.UNAVAILABLE,
          "no such backend is running"));
    }
    if (!backends.capabilities(route.backend()).contains(operation.required())) {
      return Optional.of(new Dropped(route.backend(), Dropped.Cause.UNSUPPORTED,
          "does not serve " + operation.description()));
    }
    if (table.disabled(route.backend())) {
      return Optional.of(new Dropped(route.backend(), Dropped.Cause.UNAVAILABLE,
          "switched off by a kill switch"));
    }
    return Optional.empty();
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
