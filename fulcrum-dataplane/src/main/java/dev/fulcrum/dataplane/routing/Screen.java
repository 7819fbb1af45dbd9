package dev.fulcrum.dataplane.routing;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.dataplane.health.HealthSnapshot;
import java.time.Duration;
import java.util.List;

/**
 * The filters a route must pass, in order; the first that fails names the reason. Pure: reads
 * only its arguments.
 */
final class Screen {
  private Screen() {}

  /**
   * Appends a {@link Candidate} to {@code kept} or a {@link Dropped} to {@code dropped}.
   */
  static void route(Route route, RouteQuery query, RoutingTable table, BackendView backends,
      List<Candidate> kept, List<Dropped> dropped) {
    String name = route.backend();
    BackendInfo info = backends.info(name).orElse(null);
    if (info == null) {
      dropped.add(new Dropped(name, Dropped.Cause.UNAVAILABLE, "no such backend is running"));
      return;
    }
    if (!backends.capabilities(name).contains(query.operation().required())) {
      dropped.add(new Dropped(name, Dropped.Cause.UNSUPPORTED,
          "does not serve " + query.operation().description()));
      return;
    }
    if (table.disabled(name)) {
      dropped.add(new Dropped(name, Dropped.Cause.UNAVAILABLE, "switched off by a kill switch"));
      return;
    }
    String forbidden = privacy(info.placement(), query.privacy());
    if (forbidden != null) {
      dropped.add(new Dropped(name, Dropped.Cause.FORBIDDEN, forbidden));
      return;
    }
    if (query.privacy().scanFailed() && !query.privacy().trustZone().contains(info.placement())) {
      dropped.add(new Dropped(name, Dropped.Cause.UNSCANNED, "the privacy scan failed, so the "
          + "request may not leave the trust zone for " + info.placement()));
      return;
    }
    HealthSnapshot health = backends.health(name);
    if (!health.availableAt(query.now())) {
      long seconds = Math.max(1, Duration.between(query.now(), health.availableAt()).toSeconds());
      dropped.add(new Dropped(name, Dropped.Cause.UNAVAILABLE, health.why() + "; next try in "
          + seconds + " s"));
      return;
    }
    double cost = route.price().costUsd(query.tokens().asUsage());
    if (query.budgetExhausted() && cost > 0) {
      dropped.add(new Dropped(name, Dropped.Cause.BUDGET, query.exhaustedBudget()
          + " is exhausted and this route costs money"));
      return;
    }
    Constraints constraints = query.constraints();
    long latency = health.latencyMicros();
    if (constraints.hasLatencyTarget() && latency >= 0
        && latency > constraints.latencyTargetMillis() * 1000) {
      dropped.add(new Dropped(name, Dropped.Cause.CONSTRAINT, "latency " + latency / 1000
          + " ms predicted > target " + constraints.latencyTargetMillis() + " ms"));
      return;
    }
    if (constraints.hasCostCap() && cost > constraints.maxCostUsd()) {
      dropped.add(new Dropped(name, Dropped.Cause.CONSTRAINT, String.format(
          "estimated cost $%.6f > cap $%.6f", cost, constraints.maxCostUsd())));
      return;
    }
    kept.add(new Candidate(route, info, cost, latency));
  }

  /** Why privacy policy forbids {@code placement}, or {@code null} when it allows it. */
  private static String privacy(Placement placement, PrivacyFacts facts) {
    if (facts.level() == PrivacyLevel.PRIVATE && placement == Placement.CLOUD) {
      return "CLOUD not allowed for PRIVATE request"
          + (facts.entities().isEmpty() ? "" : " with " + facts.entityList());
    }
    return null;
  }
}
