package dev.fulcrum.gateway.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.Usage;
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
import dev.fulcrum.dataplane.routing.Operation;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DriftServiceTest {
  static final int CAP = 50;
  static final Candidate BACKEND = new Candidate(new Route("sim", "sim-model", Price.FREE),
      new BackendInfo("sim", "simulated", Placement.LOCAL, true, false), 0, -1);

  static Outcome.Completed answered(String model, int i) {
    var context = new RequestContext("req-" + i, new Tenant("acme"), "",
        new RequestHints(PrivacyLevel.PUBLIC, Constraints.NONE, ""));
    var request = ChatRequest.of(model, List.of(ChatMessage.of("user", "question " + i)));
    return new Outcome.Completed(context, Operation.CHAT, model,
        new Decision.Routed(model + "@1", BACKEND, List.of(), List.of(), false), BACKEND,
        Duration.ofMillis(5), new Usage(3, 4), request, 12, "stop", false, Map.of(), "", "");
  }

  static int samples(DriftService drift, String model) {
    return drift.status().stream().filter(s -> s.model().equals(model)).findFirst()
        .orElseThrow().referenceSamples();
  }

  @Test
  void recordsEveryRequestBelowTheCapAndAtMostTheCapPerSecondAboveIt() {
    var settings = new DriftSettings(true, CAP, 100_000, Duration.ofHours(1),
        Duration.ofHours(1), 0, 60, "");
    try (var drift = new DriftService(settings, text -> CompletableFuture.completedFuture(null),
        alert -> {}, InstantSource.system())) {
      long start = System.nanoTime();
      for (int i = 0; i < 5_000; i++) {
        drift.observe(answered("busy", i));
      }
      double seconds = (System.nanoTime() - start) / (double) TimeUnit.SECONDS.toNanos(1);
      for (int i = 0; i < CAP - 10; i++) {
        drift.observe(answered("quiet", i));
      }

      // a second's worth at once, then one per 1/CAP s for as long as the loop ran
      assertThat(samples(drift, "busy")).isBetween(CAP, CAP + 1 + (int) (seconds * CAP));
      assertThat(samples(drift, "quiet")).as("each model has its own cap")
          .isEqualTo(CAP - 10);
      assertThat(drift.dropped()).isZero();
    }
  }
}
