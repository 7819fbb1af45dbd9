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
 * The in-process MiniLM model for the gateway's own use (shadow answer similarity, drift
 * embeddings), separate from any configured backend. Loaded on first use, so a gateway that never
 * needs it never pays for it; inference runs on its own thread, never an event loop.
 */
final class LocalModel implements AnswerSimilarity, AutoCloseable {
  private volatile Backend model;

  /** Sentence embeddings of {@code texts}, in order. */
  CompletionStage<List<float[]>> embed(List<String> texts) {
    return ((EmbeddingBackend) model()).embed(EmbeddingRequest.of(LocalBackends.EMBEDDING_MODEL,
        texts)).thenApply(response -> response.vectors());
  }

  /** The cosine of the two answers' embeddings. */
  @Override
  public CompletionStage<Double> similarity(String first, String second) {
    if (first.isEmpty() || second.isEmpty()) {
      return CompletableFuture.completedFuture(first.equals(second) ? 1.0 : 0.0);
    }
    return embed(List.of(first, second)).thenApply(v -> cosine(v.get(0), v.get(1)));
  }

  private Backend model() {
    Backend loaded = model;
    if (loaded == null) {
      synchronized (this) {
        loaded = model;
        if (loaded == null) {
          loaded = LocalBackends.create(new LocalSettings("fulcrum-internal", Placement.LOCAL, 1));
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
