package dev.fulcrum.controlplane.drift;

/**
 * The population stability index of two histograms over the same bins:
 * {@code Σ (a_i − e_i) · ln(a_i / e_i)} where {@code e_i} and {@code a_i} are the reference's
 * and the current window's proportions in bin {@code i}. A proportion of zero is replaced by
 * {@value #FLOOR} (without renormalizing) so an empty bin costs a large but finite amount.
 *
 * <p>Usual reading: below 0.1 stable, 0.1–0.25 a moderate shift, above 0.25 a major shift.
 */
public final class Psi {
  /** The proportion an empty bin is counted as. */
  public static final double FLOOR = 1e-4;

  private Psi() {}

  /**
   * @param expected reference counts per bin
   * @param actual current counts per bin (same length)
   * @return the PSI, or NaN when either side is empty
   */
  public static double of(long[] expected, long[] actual) {
    if (expected.length != actual.length) {
      throw new IllegalArgumentException("PSI needs histograms over the same bins");
    }
    double e = sum(expected);
    double a = sum(actual);
    if (e == 0 || a == 0) {
      return Double.NaN;
    }
    double psi = 0;
    for (int i = 0; i < expected.length; i++) {
      double pe = Math.max(expected[i] / e, FLOOR);
      double pa = Math.max(actual[i] / a, FLOOR);
      psi += (pa - pe) * Math.log(pa / pe);
    }
    return psi;
  }

  private static double sum(long[] counts) {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }
}
