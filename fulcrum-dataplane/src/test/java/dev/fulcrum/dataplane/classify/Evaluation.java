package dev.fulcrum.dataplane.classify;

import java.util.List;

/**
 * Metrics for one head on one set of prompts: accuracy with a Wilson interval, the confusion
 * matrix, per-label precision and recall, accuracy against coverage, and expected calibration
 * error.
 *
 * @param labels label names, in index order
 * @param truth true label index per prompt
 * @param predicted predicted label index per prompt
 * @param confidence the predicted label's probability per prompt
 */
record Evaluation(List<String> labels, int[] truth, int[] predicted, double[] confidence) {

  int size() {
    return truth.length;
  }

  boolean correct(int i) {
    return truth[i] == predicted[i];
  }

  int correctCount() {
    int correct = 0;
    for (int i = 0; i < size(); i++) {
      correct += correct(i) ? 1 : 0;
    }
    return correct;
  }

  double accuracy() {
    return (double) correctCount() / size();
  }

  /** Rows are true labels, columns predicted labels. */
  int[][] confusion() {
    int[][] matrix = new int[labels.size()][labels.size()];
    for (int i = 0; i < size(); i++) {
      matrix[truth[i]][predicted[i]]++;
    }
    return matrix;
  }

  double recall(int label) {
    int[] row = confusion()[label];
    int total = 0;
    for (int count : row) {
      total += count;
    }
    return total == 0 ? Double.NaN : (double) row[label] / total;
  }

  double precision(int label) {
    int[][] matrix = confusion();
    int total = 0;
    for (int[] row : matrix) {
      total += row[label];
    }
    return total == 0 ? Double.NaN : (double) matrix[label][label] / total;
  }

  /** Share of prompts whose confidence is at least {@code threshold}. */
  double coverage(double threshold) {
    int covered = 0;
    for (double c : confidence) {
      covered += c >= threshold ? 1 : 0;
    }
    return (double) covered / size();
  }

  /** Accuracy among prompts whose confidence is at least {@code threshold}; NaN when none are. */
  double accuracyAtLeast(double threshold) {
    int covered = 0;
    int correct = 0;
    for (int i = 0; i < size(); i++) {
      if (confidence[i] >= threshold) {
        covered++;
        correct += correct(i) ? 1 : 0;
      }
    }
    return covered == 0 ? Double.NaN : (double) correct / covered;
  }

  /** Expected calibration error over {@code bins} equal-width confidence bins. */
  double expectedCalibrationError(int bins) {
    double[] sumConfidence = new double[bins];
    int[] correct = new int[bins];
    int[] count = new int[bins];
    for (int i = 0; i < size(); i++) {
      int bin = Math.min(bins - 1, (int) (confidence[i] * bins));
      sumConfidence[bin] += confidence[i];
      correct[bin] += correct(i) ? 1 : 0;
      count[bin]++;
    }
    double ece = 0.0;
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        ece += Math.abs(sumConfidence[b] - correct[b]) / size();
      }
    }
    return ece;
  }

  /** 95% Wilson score interval for {@code k} successes in {@code n} trials. */
  static double[] wilson(int k, int n) {
    double z = 1.959964;
    double p = (double) k / n;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
    return new double[] {centre - half, centre + half};
  }
}
