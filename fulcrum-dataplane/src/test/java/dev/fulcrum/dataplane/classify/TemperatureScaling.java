package dev.fulcrum.dataplane.classify;

/**
 * Fits one temperature {@code T} so that {@code softmax(z / T)} minimizes the negative
 * log-likelihood of held-aside logits (Guo et al., 2017). The likelihood is convex in {@code 1/T},
 * so a golden-section search over {@code 1/T} finds the optimum deterministically.
 */
final class TemperatureScaling {
  private static final double MIN_INVERSE = 0.02;
  private static final double MAX_INVERSE = 20.0;
  private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

  private TemperatureScaling() {}

  static double fit(double[][] logits, int[] labels) {
    double low = MIN_INVERSE;
    double high = MAX_INVERSE;
    for (int iteration = 0; iteration < 200 && high - low > 1e-9; iteration++) {
      double a = high - GOLDEN * (high - low);
      double b = low + GOLDEN * (high - low);
      if (nll(logits, labels, a) <= nll(logits, labels, b)) {
        high = b;
      } else {
        low = a;
      }
    }
    return 1.0 / ((low + high) / 2);
  }

  /** Mean negative log-likelihood of {@code softmax(z · inverseTemperature)}. */
  static double nll(double[][] logits, int[] labels, double inverseTemperature) {
    double total = 0.0;
    for (double loss : losses(logits, labels, inverseTemperature)) {
      total += loss;
    }
    return total / logits.length;
  }

  /** Negative log-likelihood of each row under {@code softmax(z · inverseTemperature)}. */
  static double[] losses(double[][] logits, int[] labels, double inverseTemperature) {
    double[] losses = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      double[] scaled = logits[i].clone();
      for (int k = 0; k < scaled.length; k++) {
        scaled[k] *= inverseTemperature;
      }
      losses[i] = -Math.log(SoftmaxRegression.softmax(scaled)[labels[i]]);
    }
    return losses;
  }
}
