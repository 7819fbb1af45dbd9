package dev.fulcrum.controlplane.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * The noise itself, checked statistically with a fixed seed and 200,000 draws: tolerances are
 * about four standard errors of each estimate, so a wrong scale fails and the right one, being
 * deterministic here, always passes.
 */
class MechanismTest {
  private static final int DRAWS = 200_000;

  @Test
  void laplaceNoiseIsCenteredWithVarianceTwoBSquaredAndMeanAbsoluteDeviationB() {
    Mechanism laplace = new Mechanism.Laplace(BigDecimal.ONE);
    double b = 3.0;
    SplittableRandom random = new SplittableRandom(42);
    double[] draws = new double[DRAWS];
    SummaryStatistics stats = new SummaryStatistics();
    SummaryStatistics absolute = new SummaryStatistics();
    for (int i = 0; i < DRAWS; i++) {
      draws[i] = laplace.sample(b, random);
      stats.addValue(draws[i]);
      absolute.addValue(Math.abs(draws[i]));
    }

    assertThat(stats.getMean()).isCloseTo(0, within(0.04));
    assertThat(stats.getVariance()).isCloseTo(2 * b * b, within(0.02 * 2 * b * b));
    assertThat(absolute.getMean()).isCloseTo(b, within(0.01 * b));
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
        new LaplaceDistribution(0, b), draws);
    assertThat(p).as("KS p-value against Laplace(0, %s)", b).isGreaterThan(0.01);
  }

  @Test
  void gaussianNoiseIsCenteredWithStandardDeviationSigma() {
    Mechanism gaussian = new Mechanism.Gaussian(BigDecimal.ONE, new BigDecimal("1e-5"));
    double sigma = 5.0;
    SplittableRandom random = new SplittableRandom(42);
    double[] draws = new double[DRAWS];
    SummaryStatistics stats = new SummaryStatistics();
    for (int i = 0; i < DRAWS; i++) {
      draws[i] = gaussian.sample(sigma, random);
      stats.addValue(draws[i]);
    }

    assertThat(stats.getMean()).isCloseTo(0, within(0.05));
    assertThat(stats.getVariance()).isCloseTo(sigma * sigma, within(0.015 * sigma * sigma));
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
        new NormalDistribution(0, sigma), draws);
    assertThat(p).as("KS p-value against N(0, %s²)", sigma).isGreaterThan(0.01);
  }

  @Test
  void aLaplaceScaleForTheWrongEpsilonIsCaught() {
    Mechanism laplace = new Mechanism.Laplace(BigDecimal.ONE);
    SplittableRandom random = new SplittableRandom(42);
    SummaryStatistics stats = new SummaryStatistics();
    for (int i = 0; i < DRAWS; i++) {
      stats.addValue(laplace.sample(3.3, random)); // 10% too much noise
    }

    assertThat(Math.abs(stats.getVariance() - 18)).isGreaterThan(0.02 * 18);
  }

  @Test
  void calibratesLaplaceToTheSensitivityOverEachStatisticsShareOfEpsilon() {
    Mechanism laplace = new Mechanism.Laplace(BigDecimal.ONE);

    assertThat(laplace.scale(100, 2)).isEqualTo(200.0);
    assertThat(laplace.delta()).isZero();
  }

  @Test
  void calibratesGaussianWithTheClassicalBound() {
    Mechanism gaussian = new Mechanism.Gaussian(BigDecimal.ONE, new BigDecimal("0.00001"));

    // σ = Δ · sqrt(2 ln(1.25 / (δ/2))) / (ε/2) = 100 · sqrt(2 ln 250000) / 0.5
    assertThat(gaussian.scale(100, 2)).isCloseTo(997.1646, within(1e-3));
  }

  @Test
  void refusesGaussianParametersOutsideTheBoundsValidity() {
    assertThatThrownBy(() -> new Mechanism.Gaussian(new BigDecimal("2"),
        new BigDecimal("1e-6")).scale(1, 2))
        .hasMessage("the Gaussian mechanism's bound holds for ε below 1 per statistic; with 2 "
            + "statistics per release use ε < 2, got 2");
    assertThatThrownBy(() -> new Mechanism.Gaussian(BigDecimal.ONE, BigDecimal.ZERO))
        .hasMessage("delta must be positive");
    assertThatThrownBy(() -> new Mechanism.Laplace(BigDecimal.ZERO))
        .hasMessage("epsilon must be positive");
  }
}
