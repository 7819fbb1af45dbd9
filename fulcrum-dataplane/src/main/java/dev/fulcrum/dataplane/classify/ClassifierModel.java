package dev.fulcrum.dataplane.classify;

import java.util.List;
import java.util.Objects;

/**
 * Everything the shipped weights file holds that serving needs: which parts of the prompt to
 * embed and the two heads. Immutable.
 *
 * @param version names these weights; see {@link PromptClassifier#modelVersion()}
 * @param windows the parts of the prompt that get embedded, in feature order; at least one
 * @param complexity the complexity head
 * @param intent the intent head
 */
record ClassifierModel(
    String version, List<EmbeddingWindow> windows,
    SoftmaxHead<Complexity> complexity, SoftmaxHead<Intent> intent) {

  ClassifierModel {
    Objects.requireNonNull(version, "version");
    windows = List.copyOf(windows);
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("at least one embedding window is needed");
    }
    Objects.requireNonNull(complexity, "complexity");
    Objects.requireNonNull(intent, "intent");
    if (complexity.dimensions() != intent.dimensions()) {
      throw new IllegalArgumentException("heads read different feature counts: "
          + complexity.dimensions() + " and " + intent.dimensions());
    }
  }

  PromptClass classify(float[] features) {
    SoftmaxHead.Scored<Complexity> c = complexity.best(features);
    SoftmaxHead.Scored<Intent> i = intent.best(features);
    return new PromptClass(c.label(), c.probability(), i.label(), i.probability());
  }
}
