package dev.fulcrum.dataplane.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoftmaxHeadTest {
  private static final List<Complexity> LABELS = List.of(Complexity.values());

  @Test
  void probabilitiesSumToOneEvenForHugeLogits() {
    SoftmaxHead<Complexity> head = head(new float[][] {{1000f}, {-1000f}}, 1.0);

    double[] p = head.probabilities(new float[] {1f});

    assertThat(p[0] + p[1]).isCloseTo(1.0, within(1e-12));
    assertThat(p[0]).isEqualTo(1.0);
    assertThat(head.best(new float[] {1f}).label()).isEqualTo(Complexity.SIMPLE);
  }

  @Test
  void higherTemperatureMeansLowerConfidence() {
    float[] x = {1f};
    double sharp = head(new float[][] {{0f}, {2f}}, 1.0).best(x).probability();
    double soft = head(new float[][] {{0f}, {2f}}, 4.0).best(x).probability();

    assertThat(sharp).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-12));
    assertThat(soft).isLessThan(sharp).isGreaterThan(0.5);
  }

  @Test
  void tiesGoToTheFirstLabel() {
    assertThat(head(new float[][] {{1f}, {1f}}, 1.0).best(new float[] {3f}))
        .isEqualTo(new SoftmaxHead.Scored<>(Complexity.SIMPLE, 0.5));
  }

  @Test
  void rejectsFeatureVectorsOfTheWrongLength() {
    assertThatThrownBy(() -> head(new float[][] {{1f}, {1f}}, 1.0).best(new float[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 1");
  }

  @Test
  void copiesItsWeights() {
    float[][] weights = {{1f}, {0f}};
    SoftmaxHead<Complexity> head = head(weights, 1.0);

    weights[0][0] = -100f;

    assertThat(head.best(new float[] {1f}).label()).isEqualTo(Complexity.SIMPLE);
  }

  private static SoftmaxHead<Complexity> head(float[][] weights, double temperature) {
    return new SoftmaxHead<>(LABELS, weights, new float[2], temperature);
  }
}
