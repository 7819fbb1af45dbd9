package dev.fulcrum.gateway.wiring;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.dataplane.shadow.AnswerSimilarity;
import dev.fulcrum.inference.local.LocalBackends;
import dev.fulcrum.inference.local.LocalSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answer similarity from the in-process MiniLM model: the cosine of the two answers' sentence
 * embeddings. The model is loaded on first use, so a gateway that never shadows never pays for
 * it; inference runs on the local backend's own thread.
 */
final class LocalSimilarity implements AnswerSimilarity, AutoCloseable {
  private volatile Backend model;

  @Override
  public CompletionStage<Double> similarity(String first, String second) {
    if (first.isEmpty() || second.isEmpty()) {
      return CompletableFuture.completedFuture(first.equals(second) ? 1.0 : 0.0);
    }
    return ((EmbeddingBackend) model()).embed(EmbeddingRequest.of(LocalBackends.EMBEDDING_MODEL,
        List.of(first, second))).thenApply(response -> cosine(response.vectors().get(0),
        response.vectors().get(1)));
  }

  private Backend model() {
    Backend loaded = model;
    if (loaded == null) {
      synchronized (this) {
        loaded = model;
        if (loaded == null) {
          loaded = LocalBackends.create(new LocalSettings("shadow-similarity", Placement.LOCAL, 1));
          model = loaded;
        }
      }
    }
    return loaded;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  @Override
  public void close() {
    Backend loaded = model;
    if (loaded != null) {
      loaded.close();
    }
  }
}
