package dev.fulcrum.dataplane.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.backend.StreamingChatBackend;
import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.routing.Router;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.Test;

class ObserverTest {
  private static final RequestContext CONTEXT = new RequestContext("req_1", new Tenant("acme"));
  private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

  private RequestPipeline pipeline(dev.fulcrum.core.backend.Backend backend) {
    var table = RoutingTable.of(List.of(ModelRoutes.single("chat", "7",
        List.of(new Route(backend.info().name(), "m", new Price(1, 2))))));
    return RequestPipeline.builder(new Router(), Backends.of(List.of(backend)), () -> table)
        .observer(outcomes::add).build();
  }

  @Test
  void reportsACompletedChatWithItsVersionAndAnswerFacts() {
    pipeline(FakeBackend.answering("b")).chat(CONTEXT,
        ChatRequest.of("chat", List.of(ChatMessage.of("user", "hi")))).toCompletableFuture()
        .join();

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(Outcome.Completed.class, done -> {
      assertThat(done.model()).isEqualTo("chat");
      assertThat(done.version()).isEqualTo("7");
      assertThat(done.responseChars()).isEqualTo("from b".length());
      assertThat(done.finishReason()).isEqualTo("stop");
    });
  }

  @Test
  void reportsAFailureWithTheVersionItWasRoutedTo() {
    pipeline(FakeBackend.failingWith("b", new UpstreamUnavailableException("b", 503, "x", null)))
        .chat(CONTEXT, ChatRequest.of("chat", List.of(ChatMessage.of("user", "hi"))))
        .exceptionally(e -> null).toCompletableFuture().join();

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
      assertThat(failed.version()).isEqualTo("7");
      assertThat(failed.error()).isInstanceOf(UpstreamUnavailableException.class);
    });
  }

  @Test
  void reportsAndRecordsARequestRefusedByItsRateLimitBeforeRouting() {
    var backend = FakeBackend.answering("b");
    var table = RoutingTable.of(List.of(ModelRoutes.single("chat", "7",
        List.of(new Route("b", "m", new Price(1, 2))))));
    List<Outcome> recorded = new CopyOnWriteArrayList<>();
    var limited = new RateLimitedException("tenant 'acme' is over 1 requests per minute",
        Duration.ofSeconds(30));
    var pipeline = RequestPipeline.builder(new Router(), Backends.of(List.of(backend)),
            () -> table)
        .observer(outcomes::add)
        .recorder(outcome -> {
          recorded.add(outcome);
          return CompletableFuture.completedFuture(null);
        })
        .admission((context, model, estimate) -> CompletableFuture.failedFuture(limited))
        .build();

    var answer = pipeline.chat(CONTEXT, ChatRequest.of("chat",
        List.of(ChatMessage.of("user", "hi")))).toCompletableFuture();

    assertThat(answer).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
        .havingRootCause().isSameAs(limited);
    assertThat(backend.calls).isEmpty();
    assertThat(outcomes).singleElement().isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
      assertThat(failed.error()).isSameAs(limited);
      assertThat(failed.version()).isEmpty();
      assertThat(failed.alias()).isEqualTo("chat");
    });
    assertThat(recorded).containsExactlyElementsOf(outcomes);
  }

  @Test
  void reportsAStreamOnlyWhenItEndsWithWhatItCarried() throws Exception {
    var source = new SubmissionPublisher<ChatChunk>(Runnable::run, 16);
    var backend = new StreamingChatBackend() {
      @Override
      public BackendInfo info() {
        return new BackendInfo("s", "fake", Placement.CLOUD, false, false);
      }

      @Override
      public CompletionStage<Flow.Publisher<ChatChunk>> doStream(ChatRequest request) {
        return CompletableFuture.completedFuture(source);
      }
    };
    var request = new ChatRequest("chat", List.of(ChatMessage.of("user", "hi")), true,
        Json.object());
    var served = pipeline(backend).stream(CONTEXT, request).toCompletableFuture().join();
    served.value().subscribe(new Flow.Subscriber<>() {
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      public void onNext(ChatChunk item) {}

      public void onError(Throwable t) {}

      public void onComplete() {}
    });
    assertThat(outcomes).isEmpty();

    source.submit(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"abc\"}}]}"));
    source.submit(chunk("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}],"
        + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":3}}"));
    source.close();

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(Outcome.Completed.class, done -> {
      assertThat(done.responseChars()).isEqualTo(3);
      assertThat(done.finishReason()).isEqualTo("length");
      assertThat(done.usage().completionTokens()).isEqualTo(3);
      assertThat(done.costUsd()).isEqualTo((4 * 1 + 3 * 2) / 1e6);
    });
  }

  private static ChatChunk chunk(String json) {
    return ChatChunk.fromJson(Json.parseObject(json.getBytes()), "m");
  }
}
