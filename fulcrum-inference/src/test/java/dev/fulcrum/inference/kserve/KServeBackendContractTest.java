package dev.fulcrum.inference.kserve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.BackendContract;
import dev.fulcrum.core.backend.Capability;
import io.vertx.core.Vertx;
import java.net.URI;
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
  void servesTensorsAndEmbeddingsAndMayBeBatched() {
    assertThat(Capability.of(backend)).contains(Capability.TENSORS, Capability.EMBEDDINGS,
        Capability.BATCHING);
    assertThat(backend.info().kind()).isEqualTo("kserve");
  }
}
