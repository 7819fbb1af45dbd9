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
   *
   * <p>{@code trans} must hold {@link #FORBIDDEN} exactly where {@link Labels#allowed} says no
   * (as {@link Model} and the trainer set it up): an inside tag is then only ever reached from
   * the begin or inside tag of its own type, and only those two predecessors are tried for it.
   * This gives the same scores and tags as trying all nine, since a forbidden step (about
   * -1e9) never beats the begin tag's finite score.
   */
  static void viterbi(float[] em, int n, float[] trans, float[] forward, int[] back, int[] path) {
    for (int y = 0; y < L; y++) {
      forward[y] = trans[y] + em[y];
    }
    for (int t = 1; t < n; t++) {
      int row = t * L;
      int prev = row - L;
      float f0 = forward[prev];
      float f1 = forward[prev + 1];
      float f2 = forward[prev + 2];
      float f3 = forward[prev + 3];
      float f4 = forward[prev + 4];
      float f5 = forward[prev + 5];
      float f6 = forward[prev + 6];
      float f7 = forward[prev + 7];
      float f8 = forward[prev + 8];
      for (int y = 0; y < L; y++) {
        if (y != Labels.OUTSIDE && !Labels.isBegin(y)) {
          // an inside tag: from the begin (y - 1) or inside (y) tag of its type only
          float fromBegin = forward[prev + y - 1] + trans[y * L + y];
          float fromInside = forward[prev + y] + trans[(y + 1) * L + y];
          boolean inside = fromInside > fromBegin;
          forward[row + y] = (inside ? fromInside : fromBegin) + em[row + y];
          back[row + y] = inside ? y : y - 1;
          continue;
        }
        // outside and begin tags: the nine predecessors, unrolled (most of the decoding time)
        float best = f0 + trans[L + y];
        int arg = 0;
        float v;
        if ((v = f1 + trans[2 * L + y]) > best) {
          best = v;
          arg = 1;
        }
        if ((v = f2 + trans[3 * L + y]) > best) {
          best = v;
          arg = 2;
        }
        if ((v = f3 + trans[4 * L + y]) > best) {
          best = v;
          arg = 3;
        }
        if ((v = f4 + trans[5 * L + y]) > best) {
          best = v;
          arg = 4;
        }
        if ((v = f5 + trans[6 * L + y]) > best) {
          best = v;
          arg = 5;
        }
        if ((v = f6 + trans[7 * L + y]) > best) {
          best = v;
          arg = 6;
        }
        if ((v = f7 + trans[8 * L + y]) > best) {
          best = v;
          arg = 7;
        }
        if ((v = f8 + trans[9 * L + y]) > best) {
          best = v;
          arg = 8;
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

  /**
   * Max-sum suffix scores for tokens {@code from..n-1}: {@code backward[t * L + y]} excludes
   * token t's own emission. Like {@link #viterbi}, tries an inside tag as a successor only of
   * the begin and inside tags of its type.
   */
  static void backward(float[] em, int n, float[] trans, float[] backward, int from) {
    int last = (n - 1) * L;
    for (int y = 0; y < L; y++) {
      backward[last + y] = 0;
    }
    for (int t = n - 2; t >= from; t--) {
      int row = t * L;
      int next = row + L;
      float g0 = em[next] + backward[next];
      float g1 = em[next + 1] + backward[next + 1];
      float g3 = em[next + 3] + backward[next + 3];
      float g5 = em[next + 5] + backward[next + 5];
      float g7 = em[next + 7] + backward[next + 7];
      for (int y = 0; y < L; y++) {
        int r = (y + 1) * L;
        float best = trans[r] + g0;
        best = max(best, trans[r + 1] + g1);
        best = max(best, trans[r + 3] + g3);
        best = max(best, trans[r + 5] + g5);
        best = max(best, trans[r + 7] + g7);
        if (y != Labels.OUTSIDE) { // the inside tag of y's own type may follow y
          int inside = Labels.inside(Labels.type(y));
          float g = em[next + inside] + backward[next + inside];
          best = max(best, trans[r + inside] + g);
        }
        backward[row + y] = best;
      }
    }
  }

  /** Max without {@link Math#max}'s NaN and signed-zero handling: scores are never NaN. */
  private static float max(float a, float b) {
    return a >= b ? a : b;
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
