package dev.fulcrum.controlplane.publish;

import dev.fulcrum.controlplane.killswitch.ActiveSwitch;
import dev.fulcrum.controlplane.killswitch.SwitchTarget;
import dev.fulcrum.controlplane.registry.AliasInterval;
import dev.fulcrum.controlplane.registry.ModelVersion;
import dev.fulcrum.controlplane.registry.VersionState;
import dev.fulcrum.controlplane.rollout.Rollout;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.routing.Shadow;
import dev.fulcrum.core.routing.VersionRoutes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registry + rollouts + kill switches → {@link RoutingSnapshot}, by the rules in the package
 * documentation. A pure function.
 */
final class Projection {
  /** Weights are basis points of traffic: 10000 = everything. */
  static final int ALL = 10_000;

  private Projection() {}

  static RoutingSnapshot project(long revision, List<ModelState> models,
      Map<String, Rollout> running, List<ActiveSwitch> switches) {
    Map<String, ActiveSwitch> offModels = new HashMap<>();
    Set<String> offBackends = new HashSet<>();
    for (ActiveSwitch active : switches) {
      switch (active.target()) {
        case SwitchTarget.Model m -> offModels.put(m.model(), active);
        case SwitchTarget.Backend b -> offBackends.add(b.backend());
        case SwitchTarget.Version v -> { } // the version's state is DISABLED
      }
    }
    List<ModelRoutes> routes = new ArrayList<>();
    Map<String, Unavailable> unavailable = new HashMap<>();
    Map<String, String> degraded = new HashMap<>();
    for (ModelState model : models) {
      ActiveSwitch off = offModels.get(model.model());
      if (off != null) {
        unavailable.put(model.model(), new Unavailable(model.model(),
            Unavailable.Cause.SWITCHED_OFF, "switched off by " + off.change().actor() + ": "
                + off.change().reason()));
        continue;
      }
      Optional<ModelVersion> stable = stable(model, unavailable, degraded);
      stable.ifPresent(s -> routes.add(routes(model, s, running.get(model.model()))));
    }
    return new RoutingSnapshot(revision, RoutingTable.of(routes, offBackends), unavailable,
        degraded);
  }

  /** What {@code prod} serves, or the last good version it served, or nothing. */
  private static Optional<ModelVersion> stable(ModelState model,
      Map<String, Unavailable> unavailable, Map<String, String> degraded) {
    List<AliasInterval> history = model.prodHistory();
    if (history.isEmpty() || !history.getLast().current()) {
      unavailable.put(model.model(), new Unavailable(model.model(),
          Unavailable.Cause.NOT_RELEASED, "no version is prod"));
      return Optional.empty();
    }
    ModelVersion prod = model.versions().get(history.getLast().version());
    if (prod.state() != VersionState.DISABLED) {
      return Optional.of(prod);
    }
    for (AliasInterval earlier : history.reversed()) {
      ModelVersion candidate = model.versions().get(earlier.version());
      if (candidate.state() != VersionState.DISABLED) {
        degraded.put(model.model(), "prod version " + prod.version() + " is disabled; serving "
            + "the previous prod version " + candidate.version());
        return Optional.of(candidate);
      }
    }
    unavailable.put(model.model(), new Unavailable(model.model(),
        Unavailable.Cause.NO_ENABLED_VERSION, "prod version " + prod.version() + " and every "
            + "earlier prod version are disabled"));
    return Optional.empty();
  }

  private static ModelRoutes routes(ModelState model, ModelVersion stable, Rollout rollout) {
    ModelVersion candidate = rollout == null ? null : model.versions().get(rollout.candidate());
    if (candidate == null || candidate.state() == VersionState.DISABLED
        || candidate.version().equals(stable.version())) {
      return new ModelRoutes(model.model(), List.of(version(stable, ALL)), List.of());
    }
    int canary = (int) Math.round(rollout.canaryPercent() * 100);
    List<VersionRoutes> versions = canary == 0 ? List.of(version(stable, ALL))
        : List.of(version(stable, ALL - canary), version(candidate, canary));
    List<Shadow> shadows = rollout.shadowRate() == 0 ? List.of()
        : List.of(new Shadow(version(candidate, 0), rollout.shadowRate()));
    return new ModelRoutes(model.model(), versions, shadows);
  }

  private static VersionRoutes version(ModelVersion version, int weight) {
    return new VersionRoutes(version.version(), weight, version.routes());
  }
}
