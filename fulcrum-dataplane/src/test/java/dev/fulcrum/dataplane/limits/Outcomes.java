package dev.fulcrum.dataplane.limits;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Request outcomes as the pipeline reports them, for observer tests. */
final class Outcomes {
  private Outcomes() {}

  static Outcome.Completed completed(RequestContext context, long prompt, long completion) {
    Candidate served = new Candidate(new Route("cloud", "gpt", new Price(1, 2)),
        new BackendInfo("cloud", "fake", Placement.CLOUD, false, false), 0, -1);
    return new Outcome.Completed(context, Operation.CHAT, "chat",
        new Decision.Routed("chat@1", served, List.of(), List.of(), false), served,
        Duration.ofMillis(5), new Usage(prompt, completion), null, 10, "stop", false, Map.of(),
        "", "");
  }

  static Outcome.Failed failed(RequestContext context) {
    return new Outcome.Failed(context, Operation.CHAT, "chat", "chat", "1", List.of(),
        Duration.ofMillis(5), new UpstreamUnavailableException("cloud", 503, "HTTP 503", null),
        Map.of(), "");
  }
}
