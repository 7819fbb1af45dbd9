package dev.fulcrum.inference.local;

import dev.fulcrum.core.backend.Backend;

/** Creates in-process model backends. Nothing is downloaded: models ship in Maven artifacts. */
public final class LocalBackends {
  /** The embedding model every local backend serves. */
  public static final String EMBEDDING_MODEL = "all-minilm-l6-v2";

  private LocalBackends() {}

  /**
   * An embeddings backend running all-MiniLM-L6-v2 (quantized, 384 dimensions) in this process.
   * Loading the model takes about a second; it happens here, not on the first request.
   */
  public static Backend create(LocalSettings settings) {
    return new LocalEmbeddingBackend(settings, MiniLm.shared());
  }
}
