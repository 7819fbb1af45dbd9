package dev.fulcrum.dataplane.classify;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers embeddings by text, so the trainer embeds each window once and can evaluate the
 * reloaded model through the real {@link LinearPromptClassifier} without embedding again.
 * Single-threaded use only.
 */
final class CachingEmbedder implements TextEmbedder {
  private final TextEmbedder delegate;
  private final Map<String, float[]> cache = new HashMap<>();

  CachingEmbedder(TextEmbedder delegate) {
    this.delegate = delegate;
  }

  @Override
  public float[] embed(String text) {
    return cache.computeIfAbsent(text, delegate::embed).clone();
  }

  @Override
  public int dimensions() {
    return delegate.dimensions();
  }
}
