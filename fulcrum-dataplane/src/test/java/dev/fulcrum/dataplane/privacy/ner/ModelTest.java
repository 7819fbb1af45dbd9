package dev.fulcrum.dataplane.privacy.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ModelTest {
  private static final int L = Labels.COUNT;

  @Test
  void roundTripsThroughItsFileFormatWithin8BitPrecision() throws IOException {
    int[] keys = {-5, 3, 77, 1 << 30};
    short[] weights = new short[keys.length * L];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (short) ((i * 7919) % 20000 - 10000);
    }
    float[] trans = new float[(L + 1) * L];
    ByteArrayOutputStream file = new ByteArrayOutputStream();

    Model.write(file, keys, weights, 0.001f, trans, 0.5f, -1f);
    Model model = Model.read(new ByteArrayInputStream(file.toByteArray()));

    assertThat(model.size()).isEqualTo(keys.length);
    for (int r = 0; r < keys.length; r++) {
      int slot = model.slot(keys[r]);
      assertThat(slot).isNotNegative();
      for (int y = 0; y < L; y++) {
        assertThat(model.weight(slot, y)).isCloseTo(weights[r * L + y] * 0.001f, within(0.08f));
      }
    }
    assertThat(model.slot(12345)).isEqualTo(-1);
    assertThat(model.confidence(2f)).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void forbidsInsideTagsThatDoNotContinueAnEntity() {
    Model model = new Model(new int[0], new short[0], 1f, new float[(L + 1) * L], 1f, 0f);
    float[] t = model.transitions();
    int insidePerson = Labels.inside(0);

    assertThat(t[insidePerson]).isEqualTo(Decoder.FORBIDDEN);
    assertThat(t[(Labels.OUTSIDE + 1) * L + insidePerson]).isEqualTo(Decoder.FORBIDDEN);
    assertThat(t[(Labels.begin(1) + 1) * L + insidePerson]).isEqualTo(Decoder.FORBIDDEN);
    assertThat(t[(Labels.begin(0) + 1) * L + insidePerson]).isZero();
  }

  @Test
  void rejectsFilesThatAreNotModels() {
    assertThatThrownBy(() -> Model.read(new ByteArrayInputStream(new byte[] {1, 2, 3})))
        .isInstanceOf(IOException.class);
  }
}
