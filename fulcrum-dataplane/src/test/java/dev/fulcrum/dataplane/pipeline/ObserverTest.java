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
import dev.fulcrum.dataplane.observe.AnswerText;
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
    return pipeline(backend, false);
  }

  private RequestPipeline pipeline(dev.fulcrum.core.backend.Backend backend, boolean answers) {
    var table = RoutingTable.of(List.of(ModelRoutes.single("chat", "7",
        List.of(new Route(backend.info().name(), "m", new Price(1, 2))))));
    return RequestPipeline.builder(new Router(), Backends.of(List.of(backend)), () -> table)
        .observer(outcomes::add).answers(answers).build();
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
  void carriesTheAnswerTextOnlyWhenThePipelineKeepsAnswers() {
    var request = ChatRequest.of("chat", List.of(ChatMessage.of("user", "hi")));
    pipeline(FakeBackend.answering("b")).chat(CONTEXT, request).toCompletableFuture().join();
    pipeline(FakeBackend.answering("b"), true).chat(CONTEXT, request).toCompletableFuture()
        .join();

    assertThat(outcomes).map(done -> ((Outcome.Completed) done).answer())
        .containsExactly(AnswerText.NONE, new AnswerText("from b"));
    assertThat(outcomes.get(1).toString()).contains("AnswerText[6 chars]")
        .doesNotContain("from b");
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
    streamThrough(pipeline(streaming(source)), source);

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(Outcome.Completed.class, done -> {
      assertThat(done.responseChars()).isEqualTo(3);
      assertThat(done.finishReason()).isEqualTo("length");
      assertThat(done.usage().completionTokens()).isEqualTo(3);
      assertThat(done.costUsd()).isEqualTo((4 * 1 + 3 * 2) / 1e6);
      assertThat(done.answer()).isEqualTo(AnswerText.NONE);
    });
  }

  @Test
  void aPipelineThatKeepsAnswersReportsTheStreamedTextWhenTheStreamEnds() {
    var source = new SubmissionPublisher<ChatChunk>(Runnable::run, 16);
    streamThrough(pipeline(streaming(source), true), source);

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(Outcome.Completed.class,
        done -> assertThat(done.answer().text()).isEqualTo("abc"));
  }

  /** Streams a request through {@code pipeline}: "abc" from {@code source}, then its end. */
  private void streamThrough(RequestPipeline pipeline, SubmissionPublisher<ChatChunk> source) {
    var request = new ChatRequest("chat", List.of(ChatMessage.of("user", "hi")), true,
        Json.object());
    var served = pipeline.stream(CONTEXT, request).toCompletableFuture().join();
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
  }

  private static StreamingChatBackend streaming(Flow.Publisher<ChatChunk> source) {
    return new StreamingChatBackend() {
      @Override
      public BackendInfo info() {
        return new BackendInfo("s", "fake", Placement.CLOUD, false, false);
      }

      @Override
      public CompletionStage<Flow.Publisher<ChatChunk>> doStream(ChatRequest request) {
        return CompletableFuture.completedFuture(source);
      }
    };
  }

  private static ChatChunk chunk(String json) {
    return ChatChunk.fromJson(Json.parseObject(json.getBytes()), "m");
  }
}
