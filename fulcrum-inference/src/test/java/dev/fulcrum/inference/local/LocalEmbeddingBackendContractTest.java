package dev.fulcrum.inference.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.BackendContract;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalEmbeddingBackendContractTest extends BackendContract {
  private static Backend backend;

  @BeforeAll
  static void load() {
    backend = LocalBackends.create(new LocalSettings("local", Placement.LOCAL, 2));
  }

  @AfterAll
  static void close() {
    backend.close();
  }

  @Override
  protected Backend backend() {
    return backend;
  }

  @Test
  void placesSimilarTextsCloserThanUnrelatedOnes() {
    var response = await(((EmbeddingBackend) backend).embed(EmbeddingRequest.of("m", List.of(
        "How do I reset my password?", "I forgot my password, how can I change it?",
        "The Eiffel Tower is in Paris."))));
    float[] a = response.vectors().get(0);
    float[] b = response.vectors().get(1);
    float[] c = response.vectors().get(2);

    assertThat(a).hasSize(384);
    assertThat(cosine(a, b)).isGreaterThan(cosine(a, c) + 0.2);
    assertThat(response.model()).isEqualTo(LocalBackends.EMBEDDING_MODEL);
  }

  private static double cosine(float[] x, float[] y) {
    double dot = 0;
    double nx = 0;
    double ny = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * y[i];
      nx += x[i] * x[i];
      ny += y[i] * y[i];
    }
    return dot / Math.sqrt(nx * ny);
  }
}
