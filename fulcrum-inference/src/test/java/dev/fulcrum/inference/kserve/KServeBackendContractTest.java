package dev.fulcrum.inference.kserve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.BackendContract;
import dev.fulcrum.core.backend.Capability;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.TensorBackend;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.inference.batching.BatchSettings;
import dev.fulcrum.inference.batching.Batching;
import dev.fulcrum.inference.batching.BatchingEmbeddingBackend;
import dev.fulcrum.inference.batching.BatchingTensorBackend;
import dev.fulcrum.inference.batching.Scheduler;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KServeBackendContractTest extends BackendContract {
  private static FakeKServe server;
  private static Vertx vertx;
  private static KServeBackend backend;

  @BeforeAll
  static void start() {
    server = FakeKServe.start();
    vertx = Vertx.vertx();
    backend = KServeBackends.create(vertx, KServeSettings.of("triton",
        URI.create(server.baseUrl())));
  }

  @AfterAll
  static void stop() {
    backend.close();
    vertx.close();
    server.close();
  }

  @Override
  protected Backend backend() {
    return backend;
  }

  @Override
  protected String embeddingModel() {
    return "embedder";
  }

  @Test
  void keepsBothCapabilitiesWhenDecoratedForBatching() throws Exception {
    var decorated = Batching.decorate(backend, BatchSettings.defaults(), Scheduler.system());
    assertThat(Capability.of(decorated)).isEqualTo(Capability.of(backend));
    assertThat(decorated).isInstanceOf(BatchingTensorBackend.class)
        .isInstanceOf(BatchingEmbeddingBackend.class);
    var vectors = await(((EmbeddingBackend) decorated).embed(EmbeddingRequest.of("embedder",
        List.of("x"))));
    assertThat(vectors.vectors()).hasSize(1);
    assertThat(await(((TensorBackend) decorated).metadata("add_sub")).name())
        .isEqualTo("add_sub");
  }

  @Test
  void servesTensorsAndEmbeddingsAndMayBeBatched() {
    assertThat(Capability.of(backend)).contains(Capability.TENSORS, Capability.EMBEDDINGS,
        Capability.BATCHING);
    assertThat(backend.info().kind()).isEqualTo("kserve");
  }
}
