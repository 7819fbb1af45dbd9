package dev.fulcrum.controlplane.drift;

import java.util.Arrays;

/**
 * The binning PSI uses for a numeric feature, fixed by the reference window.
 *
 * <p>Equal-frequency bins: the cut points are the reference's 10th, 20th, …, 90th percentiles
 * (order statistic {@code sorted[floor(q·(n−1))]}); repeated cut points are merged, so a
 * discrete feature may get fewer bins; the first and last bins are open-ended, so values outside
 * the reference's range still count (in the extreme bins); a value equal to a cut point belongs
 * to the bin above it. Each reference bin therefore holds about 10% of the reference, which keeps
 * PSI's per-bin terms comparable. Immutable.
 */
public final class NumericBins {
  /** The default number of bins (deciles). */
  public static final int DEFAULT_BINS = 10;
  private final double[] cuts;

  private NumericBins(double[] cuts) {
    this.cuts = cuts;
  }

  /**
   * @param sortedReference the reference values in ascending order, at least one
   */
  public static NumericBins quantiles(double[] sortedReference, int bins) {
    if (sortedReference.length == 0 || bins < 2) {
      throw new IllegalArgumentException("binning needs reference values and at least 2 bins");
    }
    double[] cuts = new double[bins - 1];
    int n = sortedReference.length;
    for (int i = 1; i < bins; i++) {
      cuts[i - 1] = sortedReference[(int) Math.floor((double) i / bins * (n - 1))];
    }
    return new NumericBins(Arrays.stream(cuts).distinct().toArray());
  }

  /** The number of bins. */
  public int size() {
    return cuts.length + 1;
  }

  /** The bin of {@code value}: how many cut points are ≤ it. */
  public int bin(double value) {
    int index = Arrays.binarySearch(cuts, value);
    if (index >= 0) {
      while (index + 1 < cuts.length && cuts[index + 1] == value) {
        index++;
      }
      return index + 1;
    }
    return -index - 1;
  }

  /** How many of {@code values} fall in each bin. */
  public long[] counts(double[] values) {
    long[] counts = new long[size()];
    for (double value : values) {
      counts[bin(value)]++;
    }
    return counts;
  }
}
