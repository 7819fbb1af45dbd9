package dev.fulcrum.inference.local;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, from the langchain4j Maven artifact). One instance per
 * process: the ONNX session is thread-safe and costs ~25 MB.
 */
final class MiniLm {
  static final int DIMENSIONS = 384;

  private static volatile MiniLm shared;

  private final EmbeddingModel model;

  private MiniLm(EmbeddingModel model) {
    this.model = model;
  }

  static MiniLm shared() {
    MiniLm instance = shared;
    if (instance == null) {
      synchronized (MiniLm.class) {
        instance = shared;
        if (instance == null) {
          // a caller-run executor: parallelism comes from the backend's own threads
          instance = new MiniLm(new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run));
          shared = instance;
        }
      }
    }
    return instance;
  }

  /** Embeds a batch in one call; blocking, so never call it on an event loop. */
  Result embed(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String text : texts) {
      segments.add(TextSegment.from(text));
    }
    Response<List<Embedding>> response = model.embedAll(segments);
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (Embedding embedding : response.content()) {
      vectors.add(embedding.vector());
    }
    Integer tokens = response.tokenUsage() == null ? null
        : response.tokenUsage().inputTokenCount();
    return new Result(vectors, tokens == null ? 0 : tokens);
  }

  record Result(List<float[]> vectors, long tokens) {}
}
