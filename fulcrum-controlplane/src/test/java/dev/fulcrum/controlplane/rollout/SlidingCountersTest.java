package dev.fulcrum.controlplane.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingCountersTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void sumsWhatFallsInsideTheWindow() {
    SlidingCounters counters = new SlidingCounters(2, Duration.ofSeconds(10), 10);

    counters.increment(T0, 0);
    counters.increment(T0.plusSeconds(3), 0, 1);
    counters.increment(T0.plusSeconds(9), 0);

    assertThat(counters.snapshot(T0.plusSeconds(9))).containsExactly(3, 1);
  }

  @Test
  void dropsWholeBucketsAsTheyLeaveTheWindow() {
    SlidingCounters counters = new SlidingCounters(1, Duration.ofSeconds(10), 10);
    counters.increment(T0, 0);
    counters.increment(T0.plusSeconds(5), 0);

    assertThat(counters.snapshot(T0.plusSeconds(10))).containsExactly(1);
    assertThat(counters.snapshot(T0.plusSeconds(15))).containsExactly(0);
    assertThat(counters.snapshot(T0.plus(Duration.ofHours(2)))).containsExactly(0);
  }

  @Test
  void reusesARingSlotForANewerBucketWithoutCarryingOldCounts() {
    SlidingCounters counters = new SlidingCounters(1, Duration.ofSeconds(4), 4);
    counters.increment(T0, 0);

    counters.increment(T0.plusSeconds(4), 0);

    assertThat(counters.snapshot(T0.plusSeconds(4))).containsExactly(1);
  }

  @Test
  void ignoresAnObservationOlderThanItsSlotsBucket() {
    SlidingCounters counters = new SlidingCounters(1, Duration.ofSeconds(4), 4);
    counters.increment(T0.plusSeconds(4), 0);

    counters.increment(T0, 0);

    assertThat(counters.snapshot(T0.plusSeconds(4))).containsExactly(1);
  }
}
