package dev.fulcrum.controlplane.drift;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * How large a statistic two independent samples of one distribution reach by chance alone
 * (exceeded with probability {@value #ALPHA}). A threshold below this would flag steady traffic
 * as drifted, which happens when thresholds are calibrated on a small reference: the detector
 * never judges below these floors.
 *
 * <ul>
 *   <li>PSI is the symmetric (Jeffreys) divergence; for samples of sizes n and m over k occupied
 *       bins, {@code PSI / (1/n + 1/m)} is asymptotically chi-squared with k - 1 degrees of
 *       freedom.
 *   <li>The two-sample KS statistic's critical value is {@code c(α) sqrt((n + m) / (n m))} with
 *       {@code c(0.01) = 1.628}.
 * </ul>
 */
final class SamplingNoise {
  static final double ALPHA = 0.01;
  private static final double KS_C = 1.628;

  private SamplingNoise() {}

  /** The PSI two independent samples exceed with probability {@link #ALPHA}. */
  static double psi(long[] reference, long[] current) {
    long n = sum(reference);
    long m = sum(current);
    int occupied = 0;
    for (int i = 0; i < reference.length; i++) {
      occupied += reference[i] > 0 || current[i] > 0 ? 1 : 0;
    }
    if (n == 0 || m == 0 || occupied < 2) {
      return 0;
    }
    double quantile = new ChiSquaredDistribution(null, occupied - 1)
        .inverseCumulativeProbability(1 - ALPHA);
    return quantile * (1.0 / n + 1.0 / m);
  }

  /** The KS statistic two independent samples exceed with probability {@link #ALPHA}. */
  static double ks(long n, long m) {
    return n == 0 || m == 0 ? 0 : KS_C * Math.sqrt((double) (n + m) / ((double) n * m));
  }

  private static long sum(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }
}
