package dev.fulcrum.dataplane.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.NotFoundException;
import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.core.error.UpstreamRejectedException;
import dev.fulcrum.core.error.UpstreamTimeoutException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.privacy.PiiDetector;
import dev.fulcrum.dataplane.privacy.PrivacyScanException;
import dev.fulcrum.dataplane.privacy.Recognizer;
import dev.fulcrum.dataplane.privacy.guard.PrivacyGuard;
import dev.fulcrum.dataplane.privacy.guard.PrivacySettings;
import dev.fulcrum.dataplane.privacy.sanitize.Action;
import dev.fulcrum.dataplane.privacy.sanitize.HashKey;
import dev.fulcrum.dataplane.privacy.sanitize.SanitizationPolicy;
import dev.fulcrum.dataplane.routing.Router;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestPipelineTest {
  private static final RequestContext CONTEXT = new RequestContext("req_1", new Tenant("acme"));
  private static final ChatRequest HELLO =
      ChatRequest.of("chat", List.of(ChatMessage.of("user", "hello")));

  private static RequestPipeline pipeline(List<Backend> backends, Set<String> disabled,
      String... routeBackends) {
    List<Route> routes = java.util.Arrays.stream(routeBackends)
        .map(name -> new Route(name, "upstream-" + name, Price.FREE)).toList();
    RoutingTable table = RoutingTable.of(List.of(ModelRoutes.single("chat", "3", routes)),
        disabled);
    return RequestPipeline.builder(new Router(), Backends.of(backends), () -> table).build();
  }

  private static Throwable failure(java.util.concurrent.CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void sendsTheUpstreamModelNameAndReportsWhoServed() throws Exception {
    var primary = FakeBackend.answering("primary");
    var served = pipeline(List.of(primary), Set.of(), "primary").chat(CONTEXT, HELLO)
        .toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(primary.calls.getFirst().model()).isEqualTo("upstream-primary");
    assertThat(served.servedBy().backend().name()).isEqualTo("primary");
    assertThat(served.decision().version()).isEqualTo("chat@3");
    assertThat(served.attempts()).isEqualTo(1);
  }

  @Test
  void fallsBackOnRetriableFailuresInRouteOrder() throws Exception {
    var down = FakeBackend.failingWith("down",
        new UpstreamUnavailableException("down", 503, "HTTP 503", null));
    var slow = FakeBackend.failingWith("slow", new UpstreamTimeoutException("slow", "t", null));
    var healthy = FakeBackend.answering("healthy");

    var served = pipeline(List.of(down, slow, healthy), Set.of(), "down", "slow", "healthy")
        .chat(CONTEXT, HELLO).toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(served.servedBy().backend().name()).isEqualTo("healthy");
    assertThat(served.attempts()).isEqualTo(3);
    assertThat(down.calls).hasSize(1);
    assertThat(slow.calls).hasSize(1);
  }

  @Test
  void doesNotFallBackWhenTheRequestItselfIsRejected() {
    var rejecting = FakeBackend.failingWith("a", new UpstreamRejectedException("a", 400, "bad"));
    var other = FakeBackend.answering("b");

    var error = failure(pipeline(List.of(rejecting, other), Set.of(), "a", "b")
        .chat(CONTEXT, HELLO));

    assertThat(error).isInstanceOf(UpstreamRejectedException.class);
    assertThat(other.calls).isEmpty();
  }

  @Test
  void reportsTheLastFailureWhenEveryRouteFails() {
    var a = FakeBackend.failingWith("a", new UpstreamUnavailableException("a", 502, "x", null));
    var b = FakeBackend.failingWith("b", new UpstreamTimeoutException("b", "too slow", null));
    assertThat(failure(pipeline(List.of(a, b), Set.of(), "a", "b").chat(CONTEXT, HELLO)))
        .isInstanceOf(UpstreamTimeoutException.class).hasMessage("too slow");
  }

  @Test
  void skipsKillSwitchedBackends() throws Exception {
    var off = FakeBackend.answering("off");
    var on = FakeBackend.answering("on");
    var served = pipeline(List.of(off, on), Set.of("off"), "off", "on").chat(CONTEXT, HELLO)
        .toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(served.servedBy().backend().name()).isEqualTo("on");
    assertThat(off.calls).isEmpty();
    assertThat(served.decision().dropped()).singleElement()
        .hasToString("off: switched off by a kill switch");
  }

  @Test
  void answers503WhenNothingCanServeAnd400WhenNothingCouldEver() {
    var off = FakeBackend.answering("off");
    assertThat(failure(pipeline(List.of(off), Set.of("off"), "off").chat(CONTEXT, HELLO)))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("off: switched off by a kill switch");
    assertThat(failure(pipeline(List.of(off), Set.of(), "off")
        .embed(CONTEXT, EmbeddingRequest.of("chat", List.of("x")))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("does not serve embeddings");
  }

  @Test
  void stopsCallingABackendOnceItsCircuitOpens() {
    var down = FakeBackend.failingWith("down",
        new UpstreamUnavailableException("down", 503, "HTTP 503", null));
    var up = FakeBackend.answering("up");
    var pipeline = pipeline(List.of(down, up), Set.of(), "down", "up");
    for (int i = 0; i < 12; i++) {
      pipeline.chat(CONTEXT, HELLO).toCompletableFuture().join();
    }

    assertThat(down.calls).hasSize(10);
    assertThat(up.calls).hasSize(12);
  }

  @Test
  void fallsBackOnlyWhileTheRetryBudgetLasts() {
    var down = FakeBackend.failingWith("down",
        new UpstreamUnavailableException("down", 503, "HTTP 503", null));
    var up = FakeBackend.answering("up");
    var table = RoutingTable.of(List.of(ModelRoutes.single("chat", "1", List.of(
        new Route("down", "m", Price.FREE), new Route("up", "m", Price.FREE)))));
    var pipeline = RequestPipeline.builder(new Router(), Backends.of(List.of(down, up)), () -> table)
        .retryBudget(new dev.fulcrum.dataplane.health.RetryBudget(0.01, 1, 1)).build();

    pipeline.chat(CONTEXT, HELLO).toCompletableFuture().join();
    assertThat(failure(pipeline.chat(CONTEXT, HELLO)))
        .isInstanceOf(UpstreamUnavailableException.class);
    assertThat(up.calls).hasSize(1);
  }

  @Test
  void refusesAPrivateRequestWhenOnlyTheCloudCouldServeIt() {
    var cloud = FakeBackend.answering("nebius");
    var privateTenant = new Tenant("bank", dev.fulcrum.core.privacy.PrivacyLevel.PRIVATE,
        Tenant.DEFAULT_TRUST_ZONE);
    var context = new RequestContext("req_2", privateTenant);

    assertThat(failure(pipeline(List.of(cloud), Set.of(), "nebius").chat(context, HELLO)))
        .isInstanceOf(dev.fulcrum.core.error.PermissionDeniedException.class)
        .hasMessage("no backend can serve model 'chat': nebius: CLOUD not allowed for PRIVATE "
            + "request");
    assertThat(cloud.calls).isEmpty();
  }

  @Test
  void answers503PrivacyScanFailedWhenTheScanFailedAndOnlyTheCloudCouldServe() {
    var cloud = FakeBackend.answering("nebius");
    Recognizer broken = (text, out) -> {
      throw new IllegalStateException("recognizer bug");
    };
    var guard = new PrivacyGuard(PiiDetector.builder().recognizer(broken).build(),
        new PrivacySettings(SanitizationPolicy.of(Action.PSEUDONYMIZE), Duration.ofSeconds(1),
            1 << 20), tenant -> HashKey.of(new byte[32]), Runnable::run, InstantSource.system());
    RoutingTable table = RoutingTable.of(List.of(ModelRoutes.single("chat", "1",
        List.of(new Route("nebius", "m", Price.FREE)))));
    var pipeline = RequestPipeline.builder(new Router(), Backends.of(List.of(cloud)), () -> table)
        .privacy(guard).build();

    assertThat(failure(pipeline.chat(CONTEXT, HELLO)))
        .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
          assertThat(e.code()).isEqualTo(PrivacyScanException.CODE);
          assertThat(e).hasMessage("no backend can serve model 'chat': nebius: the privacy scan "
              + "failed, so the request may not leave the trust zone for CLOUD");
        });
    assertThat(cloud.calls).isEmpty();
  }

  @Test
  void aCallerCanOnlyMakeThePrivacyLevelStricter() {
    var cloud = FakeBackend.answering("nebius");
    var local = FakeBackend.answering("box", dev.fulcrum.core.backend.Placement.LOCAL);
    var strict = new RequestContext("req_3", new Tenant("acme"), "", new RequestHints(
        dev.fulcrum.core.privacy.PrivacyLevel.PRIVATE,
        dev.fulcrum.dataplane.routing.Constraints.NONE, ""));
    var served = pipeline(List.of(cloud, local), Set.of(), "nebius", "box").chat(strict, HELLO)
        .toCompletableFuture().join();

    assertThat(served.servedBy().backend().name()).isEqualTo("box");
    assertThat(strict.privacy()).isEqualTo(dev.fulcrum.core.privacy.PrivacyLevel.PRIVATE);
    var lax = new RequestContext("r", new Tenant("bank", dev.fulcrum.core.privacy.PrivacyLevel
        .PRIVATE, Tenant.DEFAULT_TRUST_ZONE), "", RequestHints.NONE);
    assertThat(lax.privacy()).isEqualTo(dev.fulcrum.core.privacy.PrivacyLevel.PRIVATE);
  }

  @Test
  void rejectsAnUnknownModelListingTheKnownOnes() {
    var a = FakeBackend.answering("a");
    var request = ChatRequest.of("gpt-9", List.of(ChatMessage.of("user", "x")));
    assertThat(failure(pipeline(List.of(a), Set.of(), "a").chat(CONTEXT, request)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("model 'gpt-9' does not exist; known models: chat");
  }

  @Test
  void failsFastOnUnknownModelsWithoutCallingAnyBackend() {
    var a = FakeBackend.answering("a");
    assertThatThrownBy(() -> pipeline(List.of(a), Set.of(), "a")
        .chat(CONTEXT, ChatRequest.of("x", List.of(ChatMessage.of("user", "y"))))
        .toCompletableFuture().join())
        .hasCauseInstanceOf(NotFoundException.class);
    assertThat(a.calls).isEmpty();
  }
}
