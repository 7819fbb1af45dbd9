package dev.fulcrum.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Capability;
import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import dev.fulcrum.inference.simulated.SimulatedBackends;
import dev.fulcrum.inference.simulated.SimulatedSettings;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecorateTest {
  private final Vertx vertx = Vertx.vertx();
  private final BatchSettings settings = BatchSettings.defaults()
      .withMaxWait(Duration.ofMillis(1));

  @AfterEach
  void stop() {
    vertx.close();
  }

  @Test
  void keepsChatAndStreamingWhileBatchingEmbeddings() throws Exception {
    Backend simulated = SimulatedBackends.create(vertx,
        SimulatedSettings.defaults("sim", Placement.CLOUD));

    Backend decorated = Batching.decorate(simulated, settings, Scheduler.system());

    assertThat(Capability.of(decorated)).isEqualTo(Capability.of(simulated));
    assertThat(decorated).isInstanceOf(BatchingEmbeddingBackend.class);
    ChatResponse answer = ((ChatBackend) decorated).chat(ChatRequest.of("m",
        List.of(ChatMessage.of("user", "hi")))).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(answer.json().path("choices").get(0).path("message").path("content").asText())
        .endsWith("You said: hi");
    EmbeddingResponse vectors = ((EmbeddingBackend) decorated).embed(EmbeddingRequest.of("m",
        List.of("x"))).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(vectors.vectors()).hasSize(1);
    assertThat(((BatchingEmbeddingBackend) decorated).stats().get("m").batches()).isEqualTo(1);
  }

  @Test
  void leavesABackendWithNothingToBatchAsItIs() {
    Backend chatOnly = new ChatOnly();
    assertThat(Batching.decorate(chatOnly, settings, Scheduler.system())).isSameAs(chatOnly);
  }

  @Test
  void refusesAMixItCannotKeepWhole() {
    Backend mixed = new ChatAndEmbeddings();
    assertThatThrownBy(() -> Batching.decorate(mixed, settings, Scheduler.system()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'mixed'").hasMessageContaining("Batching.embeddings");
  }

  private static class ChatOnly implements ChatBackend {
    @Override
    public BackendInfo info() {
      return new BackendInfo("chat", "fake", Placement.CLOUD, false, false);
    }

    @Override
    public CompletionStage<ChatResponse> doChat(ChatRequest request) {
      throw new UnsupportedOperationException();
    }
  }

  /** Chat without streaming, next to embeddings: no decorator keeps that mix. */
  private static final class ChatAndEmbeddings extends ChatOnly implements EmbeddingBackend {
    @Override
    public BackendInfo info() {
      return new BackendInfo("mixed", "fake", Placement.CLOUD, false, true);
    }

    @Override
    public CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request) {
      throw new UnsupportedOperationException();
    }
  }
}
