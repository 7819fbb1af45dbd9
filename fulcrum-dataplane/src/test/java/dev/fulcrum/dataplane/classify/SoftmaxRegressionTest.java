package dev.fulcrum.dataplane.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {
  private static final int CLASSES = 3;

  @Test
  void gradientMatchesFiniteDifferences() {
    double[][] x = points(40, 4, 1);
    int[] y = labelsOf(x);
    double l2 = 0.05;
    SoftmaxRegression.Fit fit = new SoftmaxRegression.Fit(
        new double[][] {{0.3, -0.2, 0.1, 0.0}, {-0.1, 0.4, 0.0, 0.2}, {0.0, 0.1, -0.3, 0.1}},
        new double[] {0.1, -0.2, 0.05}, 0);
    double[] theta = pack(fit);
    double[] gradient = new double[theta.length];
    SoftmaxRegression.gradient(x, y, CLASSES, l2, theta, gradient);
    for (int p = 0; p < theta.length; p++) {
      double h = 1e-6;
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[p] += h;
      minus[p] -= h;
      double numeric = (SoftmaxRegression.loss(x, y, unpack(plus), l2)
          - SoftmaxRegression.loss(x, y, unpack(minus), l2)) / (2 * h);
      assertThat(gradient[p]).as("parameter %d", p).isCloseTo(numeric, within(1e-6));
    }
  }

  @Test
  void learnsALinearlySeparableProblem() {
    double[][] x = points(300, 4, 2);
    int[] y = labelsOf(x);

    SoftmaxRegression.Fit fit = SoftmaxRegression.fit(x, y, CLASSES, 1e-3);

    int correct = 0;
    for (int i = 0; i < x.length; i++) {
      correct += CrossValidation.argmax(fit.logits(x[i])) == y[i] ? 1 : 0;
    }
    assertThat(correct).isGreaterThanOrEqualTo(290);
  }

  @Test
  void stopsAtAStationaryPoint() {
    double[][] x = points(200, 4, 3);
    int[] y = labelsOf(x);

    SoftmaxRegression.Fit fit = SoftmaxRegression.fit(x, y, CLASSES, 0.1);
    double[] gradient = new double[CLASSES * 5];
    SoftmaxRegression.gradient(x, y, CLASSES, 0.1, pack(fit), gradient);

    assertThat(fit.iterations()).isLessThan(SoftmaxRegression.MAX_ITERATIONS);
    for (double g : gradient) {
      assertThat(Math.abs(g)).isLessThan(SoftmaxRegression.TOLERANCE);
    }
  }

  @Test
  void isBitForBitReproducible() {
    double[][] x = points(100, 4, 4);
    int[] y = labelsOf(x);

    SoftmaxRegression.Fit first = SoftmaxRegression.fit(x, y, CLASSES, 1e-2);
    SoftmaxRegression.Fit second = SoftmaxRegression.fit(x, y, CLASSES, 1e-2);

    assertThat(second.weights()).isDeepEqualTo(first.weights());
    assertThat(second.bias()).containsExactly(first.bias());
  }

  @Test
  void foldedStandardizationGivesTheSameLogits() {
    float[][] raw = new float[50][];
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < raw.length; i++) {
      raw[i] = new float[] {(float) (100 + 10 * random.nextGaussian()),
          (float) (0.01 * random.nextGaussian()), 7f};
    }
    int[] y = new int[raw.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = raw[i][0] > 100 ? 1 : 0;
    }
    Standardizer standardizer = Standardizer.fit(raw);
    double[][] x = standardizer.apply(raw);
    SoftmaxRegression.Fit fit = SoftmaxRegression.fit(x, y, 2, 1e-2);

    SoftmaxRegression.Fit folded = standardizer.fold(fit);

    for (int i = 0; i < raw.length; i++) {
      double[] expected = fit.logits(x[i]);
      double[] actual = folded.logits(Trainer.toDouble(raw[i]));
      assertThat(actual[0]).isCloseTo(expected[0], within(1e-9));
      assertThat(actual[1]).isCloseTo(expected[1], within(1e-9));
    }
  }

  /** Gaussian points; the label is the argmax of three fixed linear scores. */
  private static double[][] points(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return x;
  }

  private static int[] labelsOf(double[][] x) {
    int[] y = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      double[] scores = {x[i][0] + x[i][1], -x[i][0] + 0.5 * x[i][2], x[i][3] - x[i][1]};
      y[i] = CrossValidation.argmax(scores);
    }
    return y;
  }

  private static double[] pack(SoftmaxRegression.Fit fit) {
    int d = fit.weights()[0].length;
    double[] theta = new double[CLASSES * (d + 1)];
    for (int k = 0; k < CLASSES; k++) {
      System.arraycopy(fit.weights()[k], 0, theta, k * (d + 1), d);
      theta[k * (d + 1) + d] = fit.bias()[k];
    }
    return theta;
  }

  private static SoftmaxRegression.Fit unpack(double[] theta) {
    int d = theta.length / CLASSES - 1;
    double[][] weights = new double[CLASSES][d];
    double[] bias = new double[CLASSES];
    for (int k = 0; k < CLASSES; k++) {
      System.arraycopy(theta, k * (d + 1), weights[k], 0, d);
      bias[k] = theta[k * (d + 1) + d];
    }
    return new SoftmaxRegression.Fit(weights, bias, 0);
  }
}
