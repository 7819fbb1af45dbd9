package dev.fulcrum.dataplane.privacy.ner;

/**
 * First-order Viterbi over BIO tags, plus the backward pass that turns it into max-marginals:
 * the score of the best tagging that puts a given tag on a given token. The gap between the
 * best tagging and the best one that does <em>not</em> call a span an entity of its type is
 * the margin that {@link Model#confidence} turns into a probability.
 *
 * <p>Transitions are a {@code (COUNT + 1) x COUNT} matrix: row 0 is the start, row
 * {@code p + 1} follows tag {@code p}; forbidden transitions hold {@link #FORBIDDEN}.
 */
final class Decoder {
  static final float FORBIDDEN = -1e9f;
  private static final int L = Labels.COUNT;

  private Decoder() {}

  /**
   * Best tags for {@code n} tokens with emission scores {@code em[t * L + y]}; fills
   * {@code forward} with max-sum prefix scores and writes the tags to {@code path}.
   */
  static void viterbi(float[] em, int n, float[] trans, float[] forward, int[] back, int[] path) {
    for (int y = 0; y < L; y++) {
      forward[y] = trans[y] + em[y];
    }
    for (int t = 1; t < n; t++) {
      int row = t * L;
      for (int y = 0; y < L; y++) {
        float best = Float.NEGATIVE_INFINITY;
        int arg = 0;
        for (int p = 0; p < L; p++) {
          float v = forward[row - L + p] + trans[(p + 1) * L + y];
          if (v > best) {
            best = v;
            arg = p;
          }
        }
        forward[row + y] = best + em[row + y];
        back[row + y] = arg;
      }
    }
    int last = (n - 1) * L;
    int arg = 0;
    for (int y = 1; y < L; y++) {
      if (forward[last + y] > forward[last + arg]) {
        arg = y;
      }
    }
    path[n - 1] = arg;
    for (int t = n - 1; t > 0; t--) {
      path[t - 1] = back[t * L + path[t]];
    }
  }

  /** Max-sum suffix scores: {@code backward[t * L + y]} excludes token t's own emission. */
  static void backward(float[] em, int n, float[] trans, float[] backward) {
    int last = (n - 1) * L;
    for (int y = 0; y < L; y++) {
      backward[last + y] = 0;
    }
    for (int t = n - 2; t >= 0; t--) {
      int row = t * L;
      for (int y = 0; y < L; y++) {
        float best = Float.NEGATIVE_INFINITY;
        int transRow = (y + 1) * L;
        for (int z = 0; z < L; z++) {
          float v = trans[transRow + z] + em[row + L + z] + backward[row + L + z];
          if (v > best) {
            best = v;
          }
        }
        backward[row + y] = best;
      }
    }
  }

  /**
   * How much better the best tagging is than the best one that gives some token of
   * {@code [from, to)} a tag of another type (or outside): the smallest such gap in the span.
   */
  static float margin(float[] forward, float[] backward, int from, int to, int type) {
    float margin = Float.POSITIVE_INFINITY;
    for (int t = from; t < to; t++) {
      int row = t * L;
      float own = Float.NEGATIVE_INFINITY;
      float other = Float.NEGATIVE_INFINITY;
      for (int y = 0; y < L; y++) {
        float v = forward[row + y] + backward[row + y];
        if (Labels.type(y) == type) {
          own = Math.max(own, v);
        } else {
          other = Math.max(other, v);
        }
      }
      margin = Math.min(margin, own - other);
    }
    return margin;
  }
}
