package dev.fulcrum.dataplane.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.routing.Shadow;
import dev.fulcrum.core.routing.VersionRoutes;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.pipeline.Backends;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.pipeline.RequestHints;
import dev.fulcrum.dataplane.pipeline.RequestPipeline;
import dev.fulcrum.dataplane.routing.Constraints;
import dev.fulcrum.dataplane.routing.Router;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ShadowMirrorTest {

  /** A chat backend whose answers the test releases by hand. */
  static final class HeldBackend implements ChatBackend {
    final String name;
    final Placement placement;
    final String answer;
    final List<CompletableFuture<ChatResponse>> pending = new CopyOnWriteArrayList<>();
    final boolean hold;

    HeldBackend(String name, Placement placement, String answer, boolean hold) {
      this.name = name;
      this.placement = placement;
      this.answer = answer;
      this.hold = hold;
    }

    @Override
    public BackendInfo info() {
      return new BackendInfo(name, "fake", placement, false, false);
    }

    @Override
    public CompletionStage<ChatResponse> doChat(ChatRequest request) {
      var json = Json.object();
      json.putArray("choices").addObject().put("index", 0).putObject("message")
          .put("role", "assistant").put("content", answer);
      var response = ChatResponse.fromJson(json, request.model());
      var future = new CompletableFuture<ChatResponse>();
      if (hold) {
        pending.add(future);
      } else {
        future.complete(response);
      }
      return future.thenApply(ignored -> response);
    }

    void releaseAll() {
      pending.forEach(f -> f.complete(null));
    }
  }

  private final List<ShadowOutcome> outcomes = new CopyOnWriteArrayList<>();

  private static RoutingTable table(double rate, Placement shadowPlacement) {
    var primary = new VersionRoutes("1", 1, List.of(new Route("prod", "m", Price.FREE)));
    var candidate = new VersionRoutes("2", 0, List.of(new Route("cand", "m2", Price.FREE)));
    return RoutingTable.of(List.of(new ModelRoutes("chat", List.of(primary),
        List.of(new Shadow(candidate, rate)))));
  }

  private RequestPipeline pipeline(RoutingTable table, HeldBackend prod, HeldBackend cand,
      ShadowSettings settings, AnswerSimilarity similarity) {
    var backends = Backends.of(List.of(prod, cand));
    var router = new Router();
    var mirror = new ShadowMirror(router, backends, similarity, outcomes::add, settings,
        Clock.systemUTC());
    return RequestPipeline.builder(router, backends, () -> table).shadows(mirror).build();
  }

  private static ChatRequest hello() {
    return ChatRequest.of("chat", List.of(ChatMessage.of("user", "hi")));
  }

  @Test
  void answersTheCallerFirstThenReportsHowTheShadowCompared() {
    var prod = new HeldBackend("prod", Placement.CLOUD, "the answer", false);
    var cand = new HeldBackend("cand", Placement.CLOUD, "an answer", true);
    var pipeline = pipeline(table(1.0, Placement.CLOUD), prod, cand, ShadowSettings.DEFAULTS,
        (a, b) -> CompletableFuture.completedFuture(a.equals(b) ? 1.0 : 0.8));

    var served = pipeline.chat(new RequestContext("req_1", new Tenant("acme")), hello())
        .toCompletableFuture().join();

    assertThat(served.value().json().path("choices").get(0).path("message").path("content")
        .asText()).isEqualTo("the answer");
    assertThat(outcomes).isEmpty();
    cand.releaseAll();
    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.primaryVersion()).isEqualTo("1");
      assertThat(o.shadowVersion()).isEqualTo("2");
      assertThat(o.shadowFailed()).isFalse();
      assertThat(o.similarity()).isEqualTo(0.8);
    });
  }

  @Test
  void mirrorsTheConfiguredShareOfRequests() {
    var prod = new HeldBackend("prod", Placement.CLOUD, "x", false);
    var cand = new HeldBackend("cand", Placement.CLOUD, "x", false);
    var pipeline = pipeline(table(0.25, Placement.CLOUD), prod, cand, ShadowSettings.DEFAULTS,
        (a, b) -> CompletableFuture.completedFuture(1.0));
    for (int i = 0; i < 2_000; i++) {
      pipeline.chat(new RequestContext("req_" + i, new Tenant("acme")), hello())
          .toCompletableFuture().join();
    }
    assertThat(outcomes.size()).isBetween(420, 580);
  }

  @Test
  void dropsCopiesBeyondItsBoundsAndNeverBlocksTheCaller() {
    var prod = new HeldBackend("prod", Placement.CLOUD, "x", false);
    var cand = new HeldBackend("cand", Placement.CLOUD, "x", true);
    var backends = Backends.of(List.of(prod, cand));
    var router = new Router();
    var mirror = new ShadowMirror(router, backends, (a, b) -> CompletableFuture.completedFuture(
        1.0), outcomes::add, new ShadowSettings(1, 1), Clock.systemUTC());
    var table = table(1.0, Placement.CLOUD);
    var pipeline = RequestPipeline.builder(router, backends, () -> table).shadows(mirror).build();

    for (int i = 0; i < 5; i++) {
      assertThat(pipeline.chat(new RequestContext("r" + i, new Tenant("acme")), hello())
          .toCompletableFuture().isDone()).isTrue();
    }
    assertThat(cand.pending).hasSize(1);
    assertThat(mirror.dropped()).isEqualTo(3);
    cand.releaseAll();
    assertThat(cand.pending).hasSize(2);
  }

  @Test
  void neverMirrorsWherePrivacyPolicyForbidsTheShadowsPlacement() {
    var prod = new HeldBackend("prod", Placement.LOCAL, "x", false);
    var cand = new HeldBackend("cand", Placement.CLOUD, "x", false);
    var backends = Backends.of(List.of(prod, cand));
    var router = new Router();
    var mirror = new ShadowMirror(router, backends, (a, b) -> CompletableFuture.completedFuture(
        1.0), outcomes::add, ShadowSettings.DEFAULTS, Clock.systemUTC());
    var table = table(1.0, Placement.CLOUD);
    var pipeline = RequestPipeline.builder(router, backends, () -> table).shadows(mirror).build();
    var strict = new RequestContext("r", new Tenant("acme"), "",
        new RequestHints(PrivacyLevel.PRIVATE, Constraints.NONE, ""));

    pipeline.chat(strict, hello()).toCompletableFuture().join();

    assertThat(outcomes).isEmpty();
    assertThat(mirror.skipped()).isEqualTo(1);
    assertThat(new ArrayList<>(cand.pending)).isEmpty();
  }
}
