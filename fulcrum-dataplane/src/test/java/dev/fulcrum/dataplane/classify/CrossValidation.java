package dev.fulcrum.dataplane.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Chooses the L2 strength for one head by {@value LabelledSet#FOLDS}-fold cross-validation on the
 * training split only, and fits the temperature on the pooled out-of-fold logits of the chosen
 * strength. Each fold standardizes with its own training rows. Strengths run from strong to weak,
 * each fold warm-starting from the previous strength's solution. Folds run in parallel; the result
 * does not depend on it.
 */
final class CrossValidation {
  static final double[] L2_GRID = {1.0, 3e-1, 1e-1, 3e-2, 1e-2};

  private CrossValidation() {}

  /**
   * One grid point's out-of-fold result.
   *
   * @param l2 the strength
   * @param temperature fitted on this strength's out-of-fold logits
   * @param nll out-of-fold negative log-likelihood after temperature scaling, mean per prompt
   * @param nllStandardError standard error of that mean
   * @param accuracy out-of-fold accuracy
   */
  record Point(double l2, double temperature, double nll, double nllStandardError,
      double accuracy) {}

  /**
   * The grid, in {@link #L2_GRID} order.
   *
   * @param keep which feature columns the variant uses; the others are zeroed
   */
  static List<Point> run(float[][] rows, int[] labels, int classes, int[] folds,
      boolean[] keep) {
    double[][][] logits = new double[L2_GRID.length][rows.length][];
    // folds are independent and each writes only its own validation rows: running them in
    // parallel changes nothing in the result
    IntStream.range(0, LabelledSet.FOLDS).parallel().forEach(fold -> {
      Split split = Split.of(rows, labels, folds, fold);
      Standardizer standardizer = Standardizer.fit(split.trainRows());
      double[][] x = mask(standardizer.apply(split.trainRows()), keep);
      double[][] validation = mask(standardizer.apply(split.validationRows()), keep);
      SoftmaxRegression.Fit fit = null;
      for (int g = 0; g < L2_GRID.length; g++) {
        fit = fit == null ? SoftmaxRegression.fit(x, split.trainLabels(), classes, L2_GRID[g])
            : SoftmaxRegression.fit(x, split.trainLabels(), classes, L2_GRID[g], fit);
        for (int v = 0; v < validation.length; v++) {
          logits[g][split.validationIndex()[v]] = fit.logits(validation[v]);
        }
      }
    });
    List<Point> points = new ArrayList<>();
    for (int g = 0; g < L2_GRID.length; g++) {
      double temperature = TemperatureScaling.fit(logits[g], labels);
      double[] losses = TemperatureScaling.losses(logits[g], labels, 1.0 / temperature);
      double mean = Arrays.stream(losses).average().orElseThrow();
      double variance = Arrays.stream(losses).map(l -> (l - mean) * (l - mean)).sum()
          / (losses.length - 1);
      points.add(new Point(L2_GRID[g], temperature, mean,
          Math.sqrt(variance / losses.length), accuracy(logits[g], labels)));
    }
    return points;
  }

  /** The grid point with the lowest calibrated out-of-fold NLL; ties go to the stronger L2. */
  static Point best(List<Point> points) {
    Point best = points.get(0);
    for (Point p : points) {
      if (p.nll() < best.nll()) {
        best = p;
      }
    }
    return best;
  }

  /** Zeroes the standardized features not kept: their weights then stay exactly zero. */
  static double[][] mask(double[][] x, boolean[] keep) {
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        if (!keep[j]) {
          row[j] = 0.0;
        }
      }
    }
    return x;
  }

  static int argmax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }

  private static double accuracy(double[][] logits, int[] labels) {
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += argmax(logits[i]) == labels[i] ? 1 : 0;
    }
    return (double) correct / labels.length;
  }

  /** One fold's training and validation rows. */
  private record Split(float[][] trainRows, int[] trainLabels, float[][] validationRows,
      int[] validationIndex) {
    static Split of(float[][] rows, int[] labels, int[] folds, int fold) {
      List<Integer> train = new ArrayList<>();
      List<Integer> validation = new ArrayList<>();
      for (int i = 0; i < rows.length; i++) {
        (folds[i] == fold ? validation : train).add(i);
      }
      float[][] trainRows = new float[train.size()][];
      int[] trainLabels = new int[train.size()];
      for (int t = 0; t < train.size(); t++) {
        trainRows[t] = rows[train.get(t)];
        trainLabels[t] = labels[train.get(t)];
      }
      float[][] validationRows = new float[validation.size()][];
      int[] validationIndex = new int[validation.size()];
      for (int v = 0; v < validation.size(); v++) {
        validationRows[v] = rows[validation.get(v)];
        validationIndex[v] = validation.get(v);
      }
      return new Split(trainRows, trainLabels, validationRows, validationIndex);
    }
  }
}
