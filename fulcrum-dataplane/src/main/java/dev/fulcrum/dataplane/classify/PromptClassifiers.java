package dev.fulcrum.dataplane.classify;

/** Creates {@link PromptClassifier}s. */
public final class PromptClassifiers {
  private PromptClassifiers() {}

  /**
   * The classifier that ships with Fulcrum: weights from this package's classpath resource
   * {@value ModelFile#DEFAULT_RESOURCE}, embeddings from all-MiniLM-L6-v2 running in-process.
   *
   * <p>The first call loads the ONNX model and the weights (about a second); later calls return the
   * same instance. Nothing is downloaded.
   *
   * @throws IllegalStateException when the weights resource is missing or malformed
   */
  public static PromptClassifier loadDefault() {
    return DefaultHolder.INSTANCE;
  }

  /** Lazy, thread-safe initialization of the shared default instance. */
  private static final class DefaultHolder {
    static final PromptClassifier INSTANCE = new LinearPromptClassifier(
        ModelFile.readDefault(), MiniLmEmbedder.shared());
  }
}
