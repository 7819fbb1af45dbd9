package dev.fulcrum.dataplane.classify;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (quantized ONNX from the langchain4j Maven artifact), called directly on the
 * caller's thread. The ONNX session is a static of the langchain4j class, so this shares it with
 * the local embedding backend instead of loading a second copy.
 *
 * <p>The artifact's {@code tokenizer.json} truncates every encoded chunk to 128 tokens (langchain4j
 * splits text into 510-token chunks, encodes each truncated to its first 128 tokens, and averages
 * them). For texts under ~510 tokens only the first 128 tokens — roughly 500 characters of English
 * — reach the model; {@link EmbeddingWindow}s decide which 128. {@code MiniLmEmbedderTest} pins
 * this behaviour.
 */
final class MiniLmEmbedder implements TextEmbedder {
  static final String MODEL_ID = "all-minilm-l6-v2-q";
  static final int DIMENSIONS = 384;

  private final EmbeddingModel model;

  private MiniLmEmbedder(EmbeddingModel model) {
    this.model = model;
  }

  static MiniLmEmbedder shared() {
    return Holder.INSTANCE;
  }

  /**
   * The embedding of {@code text}, or a zero vector when the tokenizer finds no tokens in it (only
   * whitespace or control characters), which langchain4j rejects: such a window carries no
   * meaning, and the heads still see the lexical features.
   */
  @Override
  public float[] embed(String text) {
    try {
      return model.embed(text).content().vector();
    } catch (IllegalArgumentException noTokens) {
      return new float[DIMENSIONS];
    }
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  private static final class Holder {
    // caller-runs executor: a single text is embedded on the calling thread anyway
    static final MiniLmEmbedder INSTANCE =
        new MiniLmEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run));
  }
}
