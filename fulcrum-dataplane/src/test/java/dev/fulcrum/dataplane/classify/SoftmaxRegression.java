package dev.fulcrum.dataplane.classify;

/**
 * Multinomial logistic regression, fitted by full-batch Nesterov-accelerated gradient descent with
 * adaptive restart. Minimizes mean cross-entropy plus {@code l2/2 · ||W||²} (the bias is not
 * penalized). The objective is strictly convex and the start point is fixed (zeros or a given warm
 * start), and every sum runs in a fixed order on one thread, so a fit is bit-for-bit reproducible:
 * there is no random seed to fix.
 *
 * <p>Step size is {@code 1/L} with {@code L = ½·λmax(X̃ᵀX̃/n) + l2}, where X̃ is X with a column
 * of ones: a bound on the loss's curvature, since the softmax Hessian is at most ½.
 */
final class SoftmaxRegression {
  static final int MAX_ITERATIONS = 4000;
  static final double TOLERANCE = 1e-5;

  private SoftmaxRegression() {}

  /**
   * Fitted parameters.
   *
   * @param weights one row per class
   * @param bias one per class
   * @param iterations gradient steps taken
   */
  record Fit(double[][] weights, double[] bias, int iterations) {
    double[] logits(double[] x) {
      double[] z = bias.clone();
      for (int k = 0; k < z.length; k++) {
        double[] w = weights[k];
        for (int j = 0; j < w.length; j++) {
          z[k] += w[j] * x[j];
        }
      }
      return z;
    }
  }

  static Fit fit(double[][] x, int[] y, int classes, double l2) {
    Fit zero = new Fit(new double[classes][x[0].length], new double[classes], 0);
    return fit(x, y, classes, l2, zero);
  }

  static Fit fit(double[][] x, int[] y, int classes, double l2, Fit start) {
    int d = x[0].length;
    int size = classes * (d + 1);
    double step = 1.0 / (0.5 * largestEigenvalue(x) * 1.05 + l2);
    double[] theta = pack(start);
    double[] previous = theta.clone();
    double[] lookahead = theta.clone();
    double[] gradient = new double[size];
    double momentum = 1.0;
    int iteration = 0;
    while (iteration < MAX_ITERATIONS) {
      gradient(x, y, classes, l2, lookahead, gradient);
      if (maxAbs(gradient) < TOLERANCE) {
        theta = lookahead;
        break;
      }
      double[] next = new double[size];
      for (int p = 0; p < size; p++) {
        next[p] = lookahead[p] - step * gradient[p];
      }
      double ascent = 0.0;
      for (int p = 0; p < size; p++) {
        ascent += gradient[p] * (next[p] - theta[p]);
      }
      double nextMomentum = ascent > 0 ? 1.0 : (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
      double beta = ascent > 0 ? 0.0 : (momentum - 1) / nextMomentum;
      previous = theta;
      theta = next;
      for (int p = 0; p < size; p++) {
        lookahead[p] = theta[p] + beta * (theta[p] - previous[p]);
      }
      momentum = nextMomentum;
      iteration++;
    }
    return unpack(theta, classes, d, iteration);
  }

  /** Mean cross-entropy plus the L2 term, at {@code fit}. */
  static double loss(double[][] x, int[] y, Fit fit, double l2) {
    double total = 0.0;
    for (int i = 0; i < x.length; i++) {
      total -= Math.log(softmax(fit.logits(x[i]))[y[i]]);
    }
    double penalty = 0.0;
    for (double[] row : fit.weights()) {
      for (double w : row) {
        penalty += w * w;
      }
    }
    return total / x.length + 0.5 * l2 * penalty;
  }

  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double[] p = new double[z.length];
    double sum = 0.0;
    for (int k = 0; k < z.length; k++) {
      p[k] = Math.exp(z[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < z.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /** Fills {@code out} with the gradient at packed parameters {@code theta}. */
  static void gradient(double[][] x, int[] y, int classes, double l2, double[] theta,
      double[] out) {
    int d = x[0].length;
    java.util.Arrays.fill(out, 0.0);
    double[] z = new double[classes];
    for (int i = 0; i < x.length; i++) {
      double[] row = x[i];
      for (int k = 0; k < classes; k++) {
        int offset = k * (d + 1);
        double dot = theta[offset + d];
        for (int j = 0; j < d; j++) {
          dot += theta[offset + j] * row[j];
        }
        z[k] = dot;
      }
      double[] p = softmax(z);
      for (int k = 0; k < classes; k++) {
        double residual = (p[k] - (y[i] == k ? 1.0 : 0.0)) / x.length;
        int offset = k * (d + 1);
        for (int j = 0; j < d; j++) {
          out[offset + j] += residual * row[j];
        }
        out[offset + d] += residual;
      }
    }
    for (int k = 0; k < classes; k++) {
      int offset = k * (d + 1);
      for (int j = 0; j < d; j++) {
        out[offset + j] += l2 * theta[offset + j];
      }
    }
  }

  /** Largest eigenvalue of X̃ᵀX̃/n by power iteration from a fixed start. */
  static double largestEigenvalue(double[][] x) {
    int d = x[0].length + 1;
    double[] v = new double[d];
    java.util.Arrays.fill(v, 1.0 / Math.sqrt(d));
    double lambda = 0.0;
    for (int iteration = 0; iteration < 200; iteration++) {
      double[] u = new double[d];
      for (double[] row : x) {
        double dot = v[d - 1];
        for (int j = 0; j < d - 1; j++) {
          dot += row[j] * v[j];
        }
        for (int j = 0; j < d - 1; j++) {
          u[j] += dot * row[j];
        }
        u[d - 1] += dot;
      }
      double norm = 0.0;
      for (int j = 0; j < d; j++) {
        u[j] /= x.length;
        norm += u[j] * u[j];
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < d; j++) {
        v[j] = u[j] / norm;
      }
      if (Math.abs(norm - lambda) < 1e-9 * norm) {
        return norm;
      }
      lambda = norm;
    }
    return lambda;
  }

  private static double maxAbs(double[] values) {
    double max = 0.0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  private static double[] pack(Fit fit) {
    int classes = fit.weights().length;
    int d = fit.weights()[0].length;
    double[] theta = new double[classes * (d + 1)];
    for (int k = 0; k < classes; k++) {
      System.arraycopy(fit.weights()[k], 0, theta, k * (d + 1), d);
      theta[k * (d + 1) + d] = fit.bias()[k];
    }
    return theta;
  }

  private static Fit unpack(double[] theta, int classes, int d, int iterations) {
    double[][] weights = new double[classes][d];
    double[] bias = new double[classes];
    for (int k = 0; k < classes; k++) {
      System.arraycopy(theta, k * (d + 1), weights[k], 0, d);
      bias[k] = theta[k * (d + 1) + d];
    }
    return new Fit(weights, bias, iterations);
  }
}
