package dev.fulcrum.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceTimeModelTest {
  private static final long MS = 1_000_000;

  private static BatchSettings.ServiceTime seed(long baseMillis, long perItemMillis) {
    return new BatchSettings.ServiceTime(Duration.ofMillis(baseMillis),
        Duration.ofMillis(perItemMillis));
  }

  @Test
  void predictsTheSeedBeforeAnyBatchIsObserved() {
    var model = new ServiceTimeModel(seed(20, 1), 64);
    var estimate = model.estimate();
    assertThat(estimate.observations()).isZero();
    assertThat(estimate.predict(64)).isEqualTo(Duration.ofMillis(84));
    assertThat(estimate.spread()).isZero();
  }

  @Test
  void fitsBaseAndPerItemFromBatchesOfDifferentSizes() {
    var model = new ServiceTimeModel(BatchSettings.ServiceTime.UNKNOWN, 64);
    for (int i = 0; i < 50; i++) {
      int n = 1 + (i * 7) % 64;
      model.observe(n, 20 * MS + n * MS);
    }
    var estimate = model.estimate();
    assertThat(estimate.base().toNanos() / 1e6).isCloseTo(20, within(0.2));
    assertThat(estimate.perItem().toNanos() / 1e6).isCloseTo(1, within(0.02));
    assertThat(estimate.spread().toNanos() / 1e6).isLessThan(1);
  }

  @Test
  void followsADeviceThatSlowsDown() {
    var model = new ServiceTimeModel(seed(20, 1), 64);
    for (int i = 0; i < 100; i++) {
      int n = 1 + i % 64;
      model.observe(n, 20 * MS + n * MS);
    }
    for (int i = 0; i < 100; i++) {
      int n = 1 + i % 64;
      model.observe(n, 40 * MS + 2 * n * MS);
    }
    var estimate = model.estimate();
    assertThat(estimate.predict(32).toNanos() / 1e6).isCloseTo(104, within(2.0));
  }

  @Test
  void predictsTheObservedSizeWellWhenEveryBatchIsFull() {
    var model = new ServiceTimeModel(seed(5, 0), 64);
    for (int i = 0; i < 100; i++) {
      model.observe(64, 84 * MS);
    }
    var estimate = model.estimate();
    assertThat(estimate.predict(64).toNanos() / 1e6).isCloseTo(84, within(1.0));
    assertThat(estimate.perItem()).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(estimate.base()).isGreaterThanOrEqualTo(Duration.ZERO);
  }

  @Test
  void theUpperBoundWidensWithNoise() {
    var model = new ServiceTimeModel(BatchSettings.ServiceTime.UNKNOWN, 64);
    for (int i = 0; i < 200; i++) {
      int n = 1 + i % 64;
      long noise = (i % 2 == 0 ? 5 : -5) * MS;
      model.observe(n, 20 * MS + n * MS + noise);
    }
    var estimate = model.estimate();
    assertThat(estimate.spread().toNanos() / 1e6).isCloseTo(5, within(1.0));
    assertThat(estimate.upperBound(10).minus(estimate.predict(10)).toNanos() / 1e6)
        .isCloseTo(10, within(2.0));
    assertThat(model.upperBoundNanos(10)).isCloseTo(estimate.upperBound(10).toNanos(),
        within(100L));
  }

  @Test
  void allowsForTimersThatFireLate() {
    var model = new ServiceTimeModel(seed(20, 0), 64);
    long before = model.upperBoundNanos(1);
    for (int i = 0; i < 50; i++) {
      model.observeLateness((i % 2 == 0 ? 2 : 6) * MS);
    }
    var estimate = model.estimate();
    // mean 4 ms, standard deviation 2 ms: allow 8 ms
    assertThat(estimate.timerLateness().toNanos() / 1e6).isCloseTo(8, within(0.2));
    assertThat(model.upperBoundNanos(1) - before).isCloseTo(8 * MS, within(200_000L));
    assertThat(estimate.upperBound(1)).isEqualTo(estimate.predict(1).plus(
        estimate.timerLateness()));
  }

  @Test
  void neverPredictsANegativeTime() {
    var model = new ServiceTimeModel(BatchSettings.ServiceTime.UNKNOWN, 64);
    model.observe(1, 50 * MS);
    model.observe(64, 1 * MS);
    var estimate = model.estimate();
    assertThat(estimate.perItem()).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(estimate.base()).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(estimate.predict(1)).isPositive();
  }
}
