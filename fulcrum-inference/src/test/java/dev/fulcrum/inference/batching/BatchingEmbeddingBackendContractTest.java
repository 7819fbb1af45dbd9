package dev.fulcrum.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.BackendContract;
import dev.fulcrum.core.backend.Capability;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.inference.simulated.SimulatedBackends;
import dev.fulcrum.inference.simulated.SimulatedSettings;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The batching decorator over a real (simulated) backend, on the real clock. */
class BatchingEmbeddingBackendContractTest extends BackendContract {
  private static Vertx vertx;
  private static BatchingEmbeddingBackend backend;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    var simulated = (EmbeddingBackend) SimulatedBackends.create(vertx, new SimulatedSettings(
        "sim", Placement.CLOUD, SimulatedSettings.Latency.NONE, 0,
        new SimulatedSettings.BatchCost(Duration.ofMillis(2), Duration.ZERO), 0, 7, 16));
    backend = Batching.embeddings(simulated, BatchSettings.defaults()
        .withMaxWait(Duration.ofMillis(2)), Scheduler.system());
  }

  @AfterAll
  static void stop() {
    backend.close();
    vertx.close();
  }

  @Override
  protected Backend backend() {
    return backend;
  }

  @Test
  void keepsTheWrappedBackendsCapabilities() {
    assertThat(Capability.of(backend)).contains(Capability.EMBEDDINGS, Capability.BATCHING);
  }

  @Test
  void answersManyConcurrentRequestsEachWithItsOwnVector() {
    var requests = IntStream.range(0, 50).mapToObj(i -> backend.embed(
        EmbeddingRequest.of(embeddingModel(), List.of("text " + i))).toCompletableFuture())
        .toList();
    CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
    var alone = await(backend.embed(EmbeddingRequest.of(embeddingModel(), List.of("text 7"))));

    assertThat(requests.get(7).join().vectors().getFirst())
        .containsExactly(alone.vectors().getFirst());
    assertThat(backend.stats().get(embeddingModel()).items()).isGreaterThanOrEqualTo(51);
  }
}
