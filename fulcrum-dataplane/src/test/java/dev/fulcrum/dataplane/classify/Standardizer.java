package dev.fulcrum.dataplane.classify;

/**
 * Per-feature mean and standard deviation of a training matrix. Training runs on standardized
 * features so one L2 strength suits embedding and lexical columns alike; {@link #fold} then moves
 * the scaling into the weights, so serving reads raw features.
 */
final class Standardizer {
  private static final double MIN_STD = 1e-8;

  private final double[] mean;
  private final double[] std;

  private Standardizer(double[] mean, double[] std) {
    this.mean = mean;
    this.std = std;
  }

  static Standardizer fit(float[][] rows) {
    int d = rows[0].length;
    double[] mean = new double[d];
    double[] std = new double[d];
    for (float[] row : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= rows.length;
    }
    for (float[] row : rows) {
      for (int j = 0; j < d; j++) {
        double delta = row[j] - mean[j];
        std[j] += delta * delta;
      }
    }
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(std[j] / rows.length);
    }
    return new Standardizer(mean, std);
  }

  /** Standardized copies; a constant column becomes all zeros. */
  double[][] apply(float[][] rows) {
    double[][] out = new double[rows.length][mean.length];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = std[j] < MIN_STD ? 0.0 : (rows[i][j] - mean[j]) / std[j];
      }
    }
    return out;
  }

  /** Weights and biases on raw features giving the same logits as {@code fit} on standardized. */
  SoftmaxRegression.Fit fold(SoftmaxRegression.Fit fit) {
    int classes = fit.weights().length;
    double[][] weights = new double[classes][mean.length];
    double[] bias = fit.bias().clone();
    for (int k = 0; k < classes; k++) {
      for (int j = 0; j < mean.length; j++) {
        double w = std[j] < MIN_STD ? 0.0 : fit.weights()[k][j] / std[j];
        weights[k][j] = w;
        bias[k] -= w * mean[j];
      }
    }
    return new SoftmaxRegression.Fit(weights, bias, fit.iterations());
  }
}
