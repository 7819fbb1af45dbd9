package dev.fulcrum.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every backend adapter passes. An adapter's test extends this class and supplies
 * a running backend; tests of capabilities the backend lacks are skipped, not passed.
 */
public abstract class BackendContract {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** The backend under test, ready to serve. */
  protected abstract Backend backend();

  /** A model name this backend serves for chat. */
  protected String chatModel() {
    return "test-chat";
  }

  /** A model name this backend serves for embeddings. */
  protected String embeddingModel() {
    return "test-embed";
  }

  /** A chat request the backend will reject with a {@link FulcrumException}, if it has one. */
  protected ChatRequest failingChatRequest() {
    return null;
  }

  @Test
  void declaresWhatItIs() {
    BackendInfo info = backend().info();
    assertThat(info.name()).isNotBlank();
    assertThat(info.kind()).isNotBlank();
    assertThat(Capability.of(backend())).isNotEmpty();
  }

  @Test
  void answersAChatWithASpecShapedCompletion() {
    assumeTrue(backend() instanceof ChatBackend, "no chat");
    ChatResponse response = await(((ChatBackend) backend()).chat(hello(false)));

    var json = response.json();
    assertThat(json.path("object").asText()).isEqualTo("chat.completion");
    assertThat(json.path("id").asText()).isNotBlank();
    assertThat(json.path("created").isIntegralNumber()).isTrue();
    assertThat(json.path("choices")).isNotEmpty();
    var choice = json.path("choices").get(0);
    assertThat(choice.has("logprobs")).isTrue();
    assertThat(choice.path("finish_reason").isTextual()).isTrue();
    assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(choice.path("message").has("refusal")).isTrue();
    assertThat(choice.path("message").path("content").asText()).isNotEmpty();
    assertThat(response.usage()).isPresent();
  }

  @Test
  void streamsChunksThenCompletes() {
    assumeTrue(backend() instanceof StreamingChatBackend, "no streaming");
    Flow.Publisher<ChatChunk> stream =
        await(((StreamingChatBackend) backend()).stream(hello(true)));
    Collector collector = new Collector(true);
    stream.subscribe(collector);

    List<ChatChunk> chunks = await(collector.done);
    assertThat(chunks).isNotEmpty();
    assertThat(chunks).allSatisfy(chunk -> {
      assertThat(chunk.json().path("object").asText()).isEqualTo("chat.completion.chunk");
      assertThat(chunk.json().path("choices").isArray()).isTrue();
    });
    String text = chunks.stream().map(c -> c.content(0).orElse(""))
        .reduce("", String::concat);
    assertThat(text).isNotEmpty();
    assertThat(chunks.stream().anyMatch(c -> c.json().path("choices").path(0)
        .path("finish_reason").isTextual())).isTrue();
  }

  @Test
  void streamHonoursDemandOneChunkAtATime() {
    assumeTrue(backend() instanceof StreamingChatBackend, "no streaming");
    Flow.Publisher<ChatChunk> stream =
        await(((StreamingChatBackend) backend()).stream(hello(true)));
    Collector collector = new Collector(false);
    stream.subscribe(collector);

    collector.request(1);
    awaitCondition(() -> collector.received() >= 1);
    sleep(100);
    assertThat(collector.received()).isEqualTo(1);
    collector.request(Long.MAX_VALUE);
    assertThat(await(collector.done)).hasSizeGreaterThan(1);
  }

  @Test
  void embedsEveryInputInOrderAndDeterministically() {
    assumeTrue(backend() instanceof EmbeddingBackend, "no embeddings");
    EmbeddingBackend embedder = (EmbeddingBackend) backend();
    List<String> inputs = List.of("the cat sat on the mat", "quarterly revenue grew 4%",
        "the cat sat on the mat");
    EmbeddingResponse response = await(embedder.embed(
        EmbeddingRequest.of(embeddingModel(), inputs)));

    assertThat(response.vectors()).hasSize(3);
    int dimensions = response.vectors().get(0).length;
    assertThat(dimensions).isPositive();
    assertThat(response.vectors()).allSatisfy(v -> assertThat(v).hasSize(dimensions));
    assertThat(response.vectors().get(2)).containsExactly(response.vectors().get(0));
    assertThat(response.vectors().get(1)).isNotEqualTo(response.vectors().get(0));
  }

  @Test
  void failuresArriveAsFulcrumExceptions() {
    ChatRequest failing = failingChatRequest();
    assumeTrue(failing != null && backend() instanceof ChatBackend, "no failure mode");
    assertThatThrownBy(() -> await(((ChatBackend) backend()).chat(failing)))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(FulcrumException.class);
  }

  protected ChatRequest hello(boolean stream) {
    var options = Json.object();
    return new ChatRequest(chatModel(),
        List.of(ChatMessage.of("system", "You are terse."), ChatMessage.of("user", "Say hello.")),
        stream, options);
  }

  protected static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new CompletionException(e.getCause());
    } catch (Exception e) {
      throw new AssertionError("backend did not answer within " + WAIT, e);
    }
  }

  private static void awaitCondition(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      sleep(5);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Collects a stream: everything at once, or only what {@link #request} asks for. */
  protected static final class Collector implements Flow.Subscriber<ChatChunk> {
    final CompletableFuture<List<ChatChunk>> done = new CompletableFuture<>();
    private final List<ChatChunk> items = java.util.Collections.synchronizedList(new ArrayList<>());
    private final boolean requestAll;
    private volatile Flow.Subscription subscription;

    Collector(boolean requestAll) {
      this.requestAll = requestAll;
    }

    void request(long n) {
      subscription.request(n);
    }

    int received() {
      return items.size();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (requestAll) {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(ChatChunk item) {
      items.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
      done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      done.complete(List.copyOf(items));
    }
  }
}
