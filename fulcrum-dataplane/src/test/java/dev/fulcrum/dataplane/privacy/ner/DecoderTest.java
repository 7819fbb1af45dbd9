package dev.fulcrum.dataplane.privacy.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecoderTest {
  private static final int L = Labels.COUNT;

  @Test
  void picksTheBestValidPathAndMeasuresItsMargin() {
    Model model = new Model(new int[0], new short[0], 1f, new float[(L + 1) * L], 1f, 0f);
    int n = 3;
    float[] em = new float[n * L];
    // token 1 looks like the inside of a person name, token 0 slightly like its beginning
    em[Labels.begin(0)] = 1f;
    em[L + Labels.inside(0)] = 5f;
    em[2 * L + Labels.OUTSIDE] = 2f;
    float[] forward = new float[n * L];
    float[] backward = new float[n * L];
    int[] back = new int[n * L];
    int[] path = new int[n];

    Decoder.viterbi(em, n, model.transitions(), forward, back, path);
    Decoder.backward(em, n, model.transitions(), backward, 0);

    assertThat(path).containsExactly(Labels.begin(0), Labels.inside(0), Labels.OUTSIDE);
    // chosen path scores 8; without a person on token 0 the best is 2 (O O O), without one on
    // token 1 it is 3 (B-PERSON O O): the margin is the smaller gap
    assertThat(Decoder.margin(forward, backward, 0, 2, 0)).isEqualTo(5f);
  }

  /**
   * The decoder tries only the begin and inside tags of its type before an inside tag (the
   * others are forbidden); that must give exactly what trying all nine gives. Small integer
   * scores make ties common, so the tie-breaking (earlier tag wins) is checked too.
   */
  @Test
  void prunedSearchEqualsTheExhaustiveOne() {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      float[] raw = new float[(L + 1) * L];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = random.nextInt(7) - 3;
      }
      float[] trans = new Model(new int[0], new short[0], 1f, raw, 1f, 0f).transitions();
      int n = 1 + random.nextInt(30);
      float[] em = new float[n * L];
      for (int i = 0; i < em.length; i++) {
        em[i] = random.nextInt(9) - 4;
      }
      float[] forward = new float[n * L];
      float[] backward = new float[n * L];
      int[] back = new int[n * L];
      int[] path = new int[n];

      Decoder.viterbi(em, n, trans, forward, back, path);
      Decoder.backward(em, n, trans, backward, 0);

      float[] expectedForward = new float[n * L];
      int[] expectedBack = new int[n * L];
      exhaustiveForward(em, n, trans, expectedForward, expectedBack);
      assertThat(forward).containsExactly(expectedForward);
      assertThat(back).containsExactly(expectedBack);
      assertThat(backward).containsExactly(exhaustiveBackward(em, n, trans));
    }
  }

  /** Viterbi's forward pass over all nine predecessors of every tag. */
  private static void exhaustiveForward(float[] em, int n, float[] trans, float[] forward,
      int[] back) {
    for (int y = 0; y < L; y++) {
      forward[y] = trans[y] + em[y];
    }
    for (int t = 1; t < n; t++) {
      for (int y = 0; y < L; y++) {
        float best = forward[(t - 1) * L] + trans[L + y];
        int arg = 0;
        for (int p = 1; p < L; p++) {
          float v = forward[(t - 1) * L + p] + trans[(p + 1) * L + y];
          if (v > best) {
            best = v;
            arg = p;
          }
        }
        forward[t * L + y] = best + em[t * L + y];
        back[t * L + y] = arg;
      }
    }
  }

  /** Suffix scores over all nine successors of every tag. */
  private static float[] exhaustiveBackward(float[] em, int n, float[] trans) {
    float[] backward = new float[n * L];
    for (int t = n - 2; t >= 0; t--) {
      for (int y = 0; y < L; y++) {
        float best = Float.NEGATIVE_INFINITY;
        for (int z = 0; z < L; z++) {
          best = Math.max(best, trans[(y + 1) * L + z] + (em[(t + 1) * L + z]
              + backward[(t + 1) * L + z]));
        }
        backward[t * L + y] = best;
      }
    }
    return backward;
  }
}
