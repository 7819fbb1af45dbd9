package dev.fulcrum.dataplane.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

  @Test
  void recoversTheTemperatureThatGeneratedTheLabels() {
    // labels drawn from softmax(z / 2): logits twice as confident as they should be
    SplittableRandom random = new SplittableRandom(11);
    int n = 5_000;
    double[][] logits = new double[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      logits[i] = new double[] {3 * random.nextGaussian(), 3 * random.nextGaussian(), 0};
      double[] p = SoftmaxRegression.softmax(new double[] {
          logits[i][0] / 2, logits[i][1] / 2, logits[i][2] / 2});
      double u = random.nextDouble();
      labels[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
    }

    assertThat(TemperatureScaling.fit(logits, labels)).isCloseTo(2.0, within(0.2));
  }

  @Test
  void scalingNeverIncreasesTheNllItMinimizes() {
    double[][] logits = {{4, 0}, {3, 0}, {-2, 0}, {5, 0}, {1, 0}};
    int[] labels = {0, 1, 1, 0, 1};

    double temperature = TemperatureScaling.fit(logits, labels);

    assertThat(TemperatureScaling.nll(logits, labels, 1 / temperature))
        .isLessThanOrEqualTo(TemperatureScaling.nll(logits, labels, 1.0));
  }
}
