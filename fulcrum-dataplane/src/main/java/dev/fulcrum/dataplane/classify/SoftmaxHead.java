package dev.fulcrum.dataplane.classify;

import java.util.List;
import java.util.Objects;

/**
 * One multinomial logistic-regression head: {@code softmax((W·x + b) / temperature)} over a fixed
 * list of labels. Immutable and thread-safe; the arrays are copied in and never handed out.
 *
 * @param <L> the label type
 */
final class SoftmaxHead<L extends Enum<L>> {
  private final List<L> labels;
  private final float[][] weights;
  private final float[] bias;
  private final double temperature;

  SoftmaxHead(List<L> labels, float[][] weights, float[] bias, double temperature) {
    this.labels = List.copyOf(labels);
    if (weights.length != labels.size() || bias.length != labels.size()) {
      throw new IllegalArgumentException("need one weight row and one bias per label ("
          + labels.size() + "), got " + weights.length + " rows and " + bias.length + " biases");
    }
    if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be positive, got " + temperature);
    }
    this.weights = new float[weights.length][];
    for (int k = 0; k < weights.length; k++) {
      this.weights[k] = weights[k].clone();
      if (weights[k].length != weights[0].length) {
        throw new IllegalArgumentException("weight rows differ in length");
      }
    }
    this.bias = bias.clone();
    this.temperature = temperature;
  }

  List<L> labels() {
    return labels;
  }

  int dimensions() {
    return weights[0].length;
  }

  double temperature() {
    return temperature;
  }

  /** The most probable label and its probability; ties go to the earlier label. */
  Scored<L> best(float[] x) {
    double[] p = probabilities(x);
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return new Scored<>(labels.get(best), p[best]);
  }

  /** One probability per label, in label order, summing to 1. */
  double[] probabilities(float[] x) {
    if (x.length != dimensions()) {
      throw new IllegalArgumentException(
          "expected " + dimensions() + " features, got " + x.length);
    }
    double[] z = new double[labels.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < z.length; k++) {
      double dot = bias[k];
      float[] w = weights[k];
      for (int i = 0; i < w.length; i++) {
        dot += (double) w[i] * x[i];
      }
      z[k] = dot / temperature;
      max = Math.max(max, z[k]);
    }
    double sum = 0.0;
    for (int k = 0; k < z.length; k++) {
      z[k] = Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < z.length; k++) {
      z[k] /= sum;
    }
    return z;
  }

  /** A label with its probability. */
  record Scored<L>(L label, double probability) {
    Scored {
      Objects.requireNonNull(label, "label");
    }
  }
}
