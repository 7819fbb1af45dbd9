package dev.fulcrum.inference.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.backend.StreamingChatBackend;
import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.error.UpstreamRejectedException;
import dev.fulcrum.core.error.UpstreamTimeoutException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.inference.testing.FakeUpstream;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenAiBackendTest {
  private static FakeUpstream upstream;
  private static Vertx vertx;
  private static OpenAiBackend backend;

  @BeforeAll
  static void start() {
    upstream = FakeUpstream.start();
    vertx = Vertx.vertx();
    backend = backendAt(upstream.baseUrl(), Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    vertx.close();
    upstream.close();
  }

  private static OpenAiBackend backendAt(String url, Duration readTimeout) {
    return (OpenAiBackend) OpenAiBackends.create(vertx, new OpenAiSettings("up", Placement.CLOUD,
        URI.create(url), Optional.of("sk-upstream"), Duration.ofSeconds(2), readTimeout, 4));
  }

  private static ChatRequest chat(String model) {
    return ChatRequest.of(model, List.of(ChatMessage.of("user", "hello")));
  }

  private static FulcrumException failure(java.util.concurrent.CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(FulcrumException.class);
      return (FulcrumException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void passesUninterpretedFieldsThroughUnchanged() throws Exception {
    var body = Json.parseObject(("{\"model\":\"gpt-x\",\"messages\":[{\"role\":\"user\","
        + "\"content\":\"hi\",\"name\":\"ann\"}],\"temperature\":0.2,\"tools\":[{\"type\":"
        + "\"function\",\"function\":{\"name\":\"f\",\"parameters\":{}}}],\"response_format\":"
        + "{\"type\":\"json_object\"},\"x_vendor\":{\"a\":[1,2]}}").getBytes());
    backend.chat(ChatRequest.fromJson(body)).toCompletableFuture().get(30, TimeUnit.SECONDS);

    var last = upstream.received().getLast();
    JsonNode sent = Json.MAPPER.readTree(last.body());
    assertThat(last.authorization()).isEqualTo("Bearer sk-upstream");
    assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
    assertThat(sent.path("tools").get(0).path("function").path("name").asText()).isEqualTo("f");
    assertThat(sent.path("response_format").path("type").asText()).isEqualTo("json_object");
    assertThat(sent.path("x_vendor").path("a").size()).isEqualTo(2);
    assertThat(sent.path("messages").get(0).path("name").asText()).isEqualTo("ann");
  }

  @Test
  void fillsSpecFieldsTheUpstreamOmitted() throws Exception {
    var json = backend.chat(chat("gpt-x")).toCompletableFuture().get(30, TimeUnit.SECONDS).json();
    var choice = json.path("choices").get(0);
    assertThat(choice.has("logprobs")).isTrue();
    assertThat(choice.path("message").has("refusal")).isTrue();
  }

  @Test
  void mapsUpstream5xxToUnavailableNamingTheStatus() {
    var error = failure(backend.chat(chat("error-503")));
    assertThat(error).isInstanceOf(UpstreamUnavailableException.class)
        .hasMessageContaining("HTTP 503").hasMessageContaining("fake upstream error 503");
    assertThat(((UpstreamUnavailableException) error).upstreamStatus()).hasValue(503);
  }

  @Test
  void mapsUpstream429ToRateLimitedWithItsRetryAfter() {
    var error = failure(backend.chat(chat("error-429")));
    assertThat(error).isInstanceOf(RateLimitedException.class);
    assertThat(((RateLimitedException) error).retryAfter()).hasValue(Duration.ofSeconds(7));
  }

  @Test
  void mapsUpstream400ToRejectedAndUpstream401ToACredentialsProblem() {
    var rejected = failure(backend.chat(chat("error-400")));
    assertThat(rejected).isInstanceOf(UpstreamRejectedException.class);
    assertThat(((UpstreamRejectedException) rejected).credentialsRejected()).isFalse();
    var auth = failure(backend.chat(chat("error-401")));
    assertThat(((UpstreamRejectedException) auth).credentialsRejected()).isTrue();
    assertThat(auth).hasMessageContaining("api-key");
  }

  @Test
  void timesOutWhenTheUpstreamIsSilentPastTheReadTimeout() {
    var impatient = backendAt(upstream.baseUrl(), Duration.ofMillis(300));
    var error = failure(impatient.chat(chat("slow-5000")));
    assertThat(error).isInstanceOf(UpstreamTimeoutException.class);
  }

  @Test
  void reportsARefusedConnection() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var nowhere = backendAt("http://127.0.0.1:" + closedPort + "/v1", Duration.ofSeconds(1));
    var error = failure(nowhere.chat(chat("gpt-x")));
    assertThat(error).isInstanceOf(UpstreamUnavailableException.class)
        .hasMessageContaining("cannot reach backend 'up'");
  }

  @Test
  void reportsAResetConnectionAndANonJsonBody() {
    assertThat(failure(backend.chat(chat("reset"))))
        .isInstanceOf(UpstreamUnavailableException.class);
    assertThat(failure(backend.chat(chat("garbage"))))
        .isInstanceOf(UpstreamUnavailableException.class).hasMessageContaining("not a JSON");
  }

  @Test
  void failsAStreamThatEndsWithoutDone() throws Exception {
    var request = new ChatRequest("truncate", List.of(ChatMessage.of("user", "a b c")), true,
        Json.object());
    Flow.Publisher<ChatChunk> stream = backend.stream(request).toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    var outcome = new CompletableFuture<Throwable>();
    stream.subscribe(new Flow.Subscriber<>() {
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      public void onNext(ChatChunk item) {}

      public void onError(Throwable t) {
        outcome.complete(t);
      }

      public void onComplete() {
        outcome.complete(null);
      }
    });
    assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(UpstreamUnavailableException.class);
  }

  @Test
  void cancellingAStreamAbortsTheUpstreamCall() throws Exception {
    int before = upstream.abortedStreams();
    var request = new ChatRequest("drip-5", List.of(ChatMessage.of("user", "x")), true,
        Json.object());
    Flow.Publisher<ChatChunk> stream = backend.stream(request).toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    var firstChunk = new CompletableFuture<Flow.Subscription>();
    stream.subscribe(new Flow.Subscriber<>() {
      Flow.Subscription subscription;

      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
      }

      public void onNext(ChatChunk item) {
        firstChunk.complete(subscription);
      }

      public void onError(Throwable t) {}

      public void onComplete() {}
    });
    firstChunk.get(30, TimeUnit.SECONDS).cancel();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (upstream.abortedStreams() == before && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(upstream.abortedStreams()).isEqualTo(before + 1);
  }

  @Test
  void placesEmbeddingsByIndexWhateverOrderTheyArriveIn() throws Exception {
    var response = ((EmbeddingBackend) backend).embed(EmbeddingRequest.of("e",
        List.of("alpha", "beta", "gamma"))).toCompletableFuture().get(30, TimeUnit.SECONDS);
    var again = ((EmbeddingBackend) backend).embed(EmbeddingRequest.of("e",
        List.of("gamma"))).toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(response.vectors().get(2)).containsExactly(again.vectors().get(0));
  }

  @Test
  void isAStreamingChatAndEmbeddingBackend() {
    assertThat(backend).isInstanceOf(ChatBackend.class).isInstanceOf(StreamingChatBackend.class)
        .isInstanceOf(EmbeddingBackend.class);
  }
}
