package dev.fulcrum.controlplane.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  private static double[] gaussian(int n, double mean, long seed) {
    Random random = new Random(seed);
    return java.util.stream.DoubleStream.generate(() -> mean + random.nextGaussian()).limit(n)
        .toArray();
  }

  @Test
  void decileBinsHoldATenthOfTheReferenceEach() {
    double[] reference = gaussian(10_000, 0, 1);
    Arrays.sort(reference);

    NumericBins bins = NumericBins.quantiles(reference, 10);

    assertThat(bins.size()).isEqualTo(10);
    assertThat(Arrays.stream(bins.counts(reference)).boxed().toList())
        .allSatisfy(c -> assertThat(c).isBetween(990L, 1010L));
  }

  @Test
  void binsMergeRepeatedCutsAndKeepOutOfRangeValuesInTheEdgeBins() {
    double[] discrete = {1, 1, 1, 1, 1, 1, 2, 2, 3, 4};

    NumericBins bins = NumericBins.quantiles(discrete, 10);

    assertThat(bins.size()).isLessThan(10);
    assertThat(bins.bin(-100)).isZero();
    assertThat(bins.bin(100)).isEqualTo(bins.size() - 1);
    assertThat(bins.bin(2)).isGreaterThan(bins.bin(1.5));
  }

  @Test
  void psiIsZeroForTheSameShapeAndMatchesTheFormulaOtherwise() {
    assertThat(Psi.of(new long[] {10, 20, 70}, new long[] {1, 2, 7})).isZero();

    double psi = Psi.of(new long[] {50, 50}, new long[] {80, 20});

    assertThat(psi).isCloseTo((0.8 - 0.5) * Math.log(0.8 / 0.5)
        + (0.2 - 0.5) * Math.log(0.2 / 0.5), within(1e-12));
  }

  @Test
  void psiOfAnEmptyBinIsLargeButFinite() {
    double psi = Psi.of(new long[] {100, 0}, new long[] {50, 50});

    assertThat(psi).isFinite().isGreaterThan(2);
    assertThat(Psi.of(new long[] {1}, new long[] {0})).isNaN();
  }

  @Test
  void ksSeesAShiftButNotResampling() {
    double[] reference = gaussian(3000, 0, 1);

    KolmogorovSmirnov.Result same = KolmogorovSmirnov.test(reference, gaussian(800, 0, 2));
    KolmogorovSmirnov.Result shifted = KolmogorovSmirnov.test(reference, gaussian(800, 0.5, 3));

    assertThat(same.statistic()).isLessThan(0.06);
    assertThat(same.pValue()).isGreaterThan(0.01);
    assertThat(shifted.statistic()).isBetween(0.15, 0.26);
    assertThat(shifted.pValue()).isLessThan(1e-10);
  }

  @Test
  void ksStatisticIsTheLargestGapBetweenTheTwoDistributionFunctions() {
    KolmogorovSmirnov.Result result = KolmogorovSmirnov.test(new double[] {1, 2, 3, 4},
        new double[] {3, 4, 5, 6});

    assertThat(result.statistic()).isEqualTo(0.5);
  }

  private static List<double[]> cloud(int n, double[] center, long seed) {
    Random random = new Random(seed);
    List<double[]> vectors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] v = new double[center.length];
      for (int d = 0; d < v.length; d++) {
        v[d] = center[d] + 0.5 * random.nextGaussian();
      }
      vectors.add(v);
    }
    return vectors;
  }

  @Test
  void embeddingTestFindsAMovedCentroidAndNotANewSampleOfTheSameCloud() {
    double[] center = {1, 1, 1, 1, 1, 1, 1, 1};
    double[] moved = {1, 1, 1, 1, 1.6, 1.6, 1.6, 1.6};
    List<double[]> reference = cloud(300, center, 1);

    EmbeddingDistance.Result same = EmbeddingDistance.test(reference, cloud(200, center, 2),
        200, 0.01, 9);
    EmbeddingDistance.Result drifted = EmbeddingDistance.test(reference, cloud(200, moved, 3),
        200, 0.01, 9);

    assertThat(same.pValue()).isGreaterThan(0.01);
    assertThat(same.distance()).isLessThan(same.threshold());
    assertThat(drifted.pValue()).isLessThan(0.01);
    assertThat(drifted.distance()).isGreaterThan(drifted.threshold());
    assertThat(EmbeddingDistance.test(reference, cloud(200, moved, 3), 200, 0.01, 9))
        .as("seeded, so reproducible").isEqualTo(drifted);
  }

  @Test
  void categoriesUnseenInTheReferenceShareTheOtherBin() {
    CategoryBins bins = CategoryBins.of(List.of("en", "es"));

    long[] counts = bins.counts(Map.of("en", 5L, "ja", 2L, "ko", 1L));

    assertThat(counts).containsExactly(5, 0, 3);
  }
}
