package dev.fulcrum.dataplane.privacy.ner;

import static org.assertj.core.api.Assertions.assertThat;

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
}
