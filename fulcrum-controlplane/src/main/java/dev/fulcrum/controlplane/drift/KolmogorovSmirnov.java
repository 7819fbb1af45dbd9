package dev.fulcrum.controlplane.drift;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The two-sample Kolmogorov–Smirnov test from commons-math3: {@code D} is the largest gap
 * between the two empirical distribution functions; the p-value is exact for small samples
 * ({@code n·m < 10000}, ties broken by commons-math3's seeded jitter, so deterministic) and
 * asymptotic otherwise.
 *
 * <p>With thousands of samples the p-value flags even trivial shifts, so Fulcrum judges drift
 * by {@code D} against a threshold and reports the p-value alongside.
 */
public final class KolmogorovSmirnov {
  private KolmogorovSmirnov() {}

  /** The statistic and its p-value. */
  public record Result(double statistic, double pValue) {}

  /** @return NaN for both when either sample is empty */
  public static Result test(double[] reference, double[] current) {
    if (reference.length == 0 || current.length == 0) {
      return new Result(Double.NaN, Double.NaN);
    }
    KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
    return new Result(test.kolmogorovSmirnovStatistic(reference, current),
        test.kolmogorovSmirnovTest(reference, current));
  }
}
