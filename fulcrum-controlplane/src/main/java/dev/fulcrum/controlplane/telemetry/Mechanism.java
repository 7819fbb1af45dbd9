package dev.fulcrum.controlplane.telemetry;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How noise is drawn, and what one release costs in privacy. The release's (ε, δ) is split
 * evenly over the statistics it publishes (see {@code package-info}).
 */
public sealed interface Mechanism permits Mechanism.Laplace, Mechanism.Gaussian {

  /** The ε one release spends. */
  BigDecimal epsilon();

  /** The δ one release spends (zero for Laplace). */
  BigDecimal delta();

  /**
   * The noise scale for one of {@code statistics} statistics with sensitivity {@code
   * sensitivity}: the Laplace scale {@code b}, or the Gaussian standard deviation {@code σ}.
   */
  double scale(double sensitivity, int statistics);

  /** One noise draw at {@code scale}. */
  double sample(double scale, RandomGenerator random);

  /** Pure ε-differential privacy with Laplace noise. */
  record Laplace(BigDecimal epsilon) implements Mechanism {
    public Laplace {
      requirePositive(epsilon, "epsilon");
    }

    @Override
    public BigDecimal delta() {
      return BigDecimal.ZERO;
    }

    @Override
    public double scale(double sensitivity, int statistics) {
      return sensitivity / (epsilon.doubleValue() / statistics);
    }

    /** The difference of two exponential draws is Laplace-distributed. */
    @Override
    public double sample(double scale, RandomGenerator random) {
      return scale * (-Math.log1p(-random.nextDouble()) + Math.log1p(-random.nextDouble()));
    }
  }

  /** (ε, δ)-differential privacy with Gaussian noise; needs ε/statistics below 1. */
  record Gaussian(BigDecimal epsilon, BigDecimal delta) implements Mechanism {
    public Gaussian {
      requirePositive(epsilon, "epsilon");
      requirePositive(delta, "delta");
      if (delta.compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException("delta must be below 1 (typically below 1e-5)");
      }
    }

    @Override
    public double scale(double sensitivity, int statistics) {
      double share = epsilon.doubleValue() / statistics;
      if (share >= 1) {
        throw new IllegalArgumentException("the Gaussian mechanism's bound holds for ε below 1 "
            + "per statistic; with " + statistics + " statistics per release use ε < "
            + statistics + ", got " + epsilon.toPlainString());
      }
      double deltaShare = delta.doubleValue() / statistics;
      return sensitivity * Math.sqrt(2 * Math.log(1.25 / deltaShare)) / share;
    }

    @Override
    public double sample(double scale, RandomGenerator random) {
      return scale * random.nextGaussian();
    }
  }

  private static void requirePositive(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
