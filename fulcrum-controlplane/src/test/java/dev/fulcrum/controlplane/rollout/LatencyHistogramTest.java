package dev.fulcrum.controlplane.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void p95IsNeverUnderstatedAndAtMostTenPercentOver() {
    Random random = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      long[] counts = new long[LatencyHistogram.BINS];
      double[] millis = new double[500];
      for (int i = 0; i < millis.length; i++) {
        millis[i] = Math.exp(random.nextGaussian() * 1.5 + 5);
        counts[LatencyHistogram.bin(Duration.ofNanos((long) (millis[i] * 1e6)))]++;
      }
      Arrays.sort(millis);
      double exact = millis[(int) Math.ceil(0.95 * millis.length) - 1];

      double estimate = LatencyHistogram.quantileMillis(counts, 0, 0.95);

      assertThat(estimate).isGreaterThanOrEqualTo(exact).isLessThanOrEqualTo(exact * 1.1);
    }
  }

  @Test
  void subMillisecondAndHugeLatenciesLandInTheEdgeBins() {
    assertThat(LatencyHistogram.bin(Duration.ofNanos(300_000))).isZero();
    assertThat(LatencyHistogram.bin(Duration.ofDays(2))).isEqualTo(LatencyHistogram.BINS - 1);
    assertThat(LatencyHistogram.quantileMillis(new long[LatencyHistogram.BINS], 0, 0.95))
        .isNaN();
  }
}
