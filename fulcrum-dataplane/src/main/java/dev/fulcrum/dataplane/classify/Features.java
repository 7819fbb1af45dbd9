package dev.fulcrum.dataplane.classify;

import java.util.Arrays;
import java.util.List;

/**
 * The input both heads read: one embedding per {@link EmbeddingWindow} of the prompt with leading
 * and trailing whitespace removed, in order, followed by the {@link LexicalFeatures} of the prompt
 * as given. A window whose text equals an earlier window's (a short prompt fits both) reuses that
 * embedding instead of running MiniLM again. Training and serving
 * build features through this one method, so they cannot drift apart.
 */
final class Features {
  private Features() {}

  static int dimensions(TextEmbedder embedder, int windows) {
    return windows * embedder.dimensions() + LexicalFeatures.NAMES.size();
  }

  /** The feature vector of a non-blank prompt. */
  static float[] of(String prompt, List<EmbeddingWindow> windows, TextEmbedder embedder) {
    int width = embedder.dimensions();
    double[] lexical = LexicalFeatures.of(prompt);
    float[] features = new float[windows.size() * width + lexical.length];
    String content = prompt.strip(); // padding must not push the words out of a head window
    String[] texts = new String[windows.size()];
    for (int w = 0; w < texts.length; w++) {
      texts[w] = windows.get(w).apply(content);
      int same = Arrays.asList(texts).subList(0, w).indexOf(texts[w]);
      if (same >= 0) {
        System.arraycopy(features, same * width, features, w * width, width);
      } else {
        System.arraycopy(embedder.embed(texts[w]), 0, features, w * width, width);
      }
    }
    for (int i = 0; i < lexical.length; i++) {
      features[windows.size() * width + i] = (float) lexical[i];
    }
    return features;
  }
}
