package dev.fulcrum.dataplane.classify;

import java.util.Objects;

/** Two softmax heads over {@link Features}. Thread-safe: all state is immutable. */
final class LinearPromptClassifier implements PromptClassifier {
  private static final PromptClass BLANK =
      new PromptClass(Complexity.SIMPLE, 1.0, Intent.CHAT, 1.0);

  private final ClassifierModel model;
  private final TextEmbedder embedder;

  LinearPromptClassifier(ClassifierModel model, TextEmbedder embedder) {
    this.model = Objects.requireNonNull(model, "model");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    int features = Features.dimensions(embedder, model.windows().size());
    if (model.complexity().dimensions() != features) {
      throw new IllegalArgumentException("model " + model.version() + " reads "
          + model.complexity().dimensions() + " features, but its windows, the embedder and the"
          + " lexical features give " + features);
    }
  }

  @Override
  public PromptClass classify(String prompt) {
    Objects.requireNonNull(prompt, "prompt");
    if (prompt.isBlank()) {
      return BLANK; // nothing to embed (MiniLM rejects blank text), and nothing to escalate for
    }
    return model.classify(Features.of(prompt, model.windows(), embedder));
  }

  @Override
  public String modelVersion() {
    return model.version();
  }

  @Override
  public String toString() {
    return "LinearPromptClassifier[" + model.version() + "]";
  }
}
