package dev.fulcrum.gateway.metrics;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.pipeline.RequestHints;
import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Constraints;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.Dropped;
import dev.fulcrum.dataplane.routing.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Request outcomes for metrics tests: a CLOUD backend "cloud" and a LOCAL backend "box". */
final class TestOutcomes {
  static final Candidate CLOUD = candidate("cloud", Placement.CLOUD, new Price(2.5, 10));
  static final Candidate BOX = candidate("box", Placement.LOCAL, Price.FREE);

  private TestOutcomes() {}

  static Candidate candidate(String backend, Placement placement, Price price) {
    return new Candidate(new Route(backend, backend + "-model", price),
        new BackendInfo(backend, "openai", placement, false, false), 0, -1);
  }

  static RequestContext context(String tenant, String feature) {
    return new RequestContext("req-1", new Tenant(tenant), "",
        new RequestHints(PrivacyLevel.PUBLIC, Constraints.NONE, feature));
  }

  /** A chat request of {@code model} served by {@code servedBy}, first choice {@code chosen}. */
  static Outcome.Completed served(String model, Candidate chosen, Candidate servedBy,
      Duration latency, Usage usage, String feature, List<Dropped> dropped,
      Map<EntityType, Integer> entities) {
    List<Candidate> fallbacks = chosen == servedBy ? List.of() : List.of(servedBy);
    return new Outcome.Completed(context("acme", feature), Operation.CHAT, model,
        new Decision.Routed(model + "@1", chosen, fallbacks, dropped, false), servedBy, latency,
        usage, null, 10, "stop", false, entities, "", "");
  }

  static Outcome.Completed served(String model, Candidate backend, Duration latency,
      Usage usage, String feature) {
    return served(model, backend, backend, latency, usage, feature, List.of(), Map.of());
  }

  static Outcome.Failed failed(String tenant, String model, FulcrumException error,
      List<Dropped> dropped) {
    return new Outcome.Failed(context(tenant, ""), Operation.CHAT, model, model, "", dropped,
        Duration.ofMillis(3), error, Map.of(), "");
  }
}
