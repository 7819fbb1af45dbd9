package dev.fulcrum.gateway.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
  private final AtomicLong now = new AtomicLong(1_000);

  private int takenDuring(RateBudget budget, long millis, long stepMillis) {
    int taken = 0;
    for (long t = 0; t < millis; t += stepMillis) {
      taken += budget.tryTake() ? 1 : 0;
      now.addAndGet(TimeUnit.MILLISECONDS.toNanos(stepMillis));
    }
    return taken;
  }

  @Test
  void allowsItsRatePerMinuteHoweverManyAsk() {
    var budget = RateBudget.perMinute(60, now::get);

    // a request every millisecond for two minutes: 120,000 asks, 120 takes
    assertThat(takenDuring(budget, 120_000, 1)).isEqualTo(120);
  }

  @Test
  void perMinuteSpacesTakesEvenlyInsteadOfSpendingTheMinuteAtOnce() {
    var budget = RateBudget.perMinute(60, now::get);

    assertThat(budget.tryTake()).isTrue();
    assertThat(budget.tryTake()).isFalse();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
    assertThat(budget.tryTake()).isFalse();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
    assertThat(budget.tryTake()).isTrue();
  }

  @Test
  void quietTrafficIsNotCappedBelowWhatItAsks() {
    var budget = RateBudget.perMinute(60, now::get);

    // one ask every 5 s for a minute: every one is taken
    assertThat(takenDuring(budget, 60_000, 5_000)).isEqualTo(12);
  }

  @Test
  void perSecondAllowsASecondsWorthAtOnceThenItsSteadyPace() {
    var budget = RateBudget.perSecond(100, now::get);

    int burst = 0;
    while (budget.tryTake()) {
      burst++;
    }
    assertThat(burst).isEqualTo(100);
    // then a request every 0.1 ms for 10 s: 100,000 asks, 1,000 takes (one per 10 ms)
    int taken = 0;
    for (int i = 0; i < 100_000; i++) {
      now.addAndGet(100_000);
      taken += budget.tryTake() ? 1 : 0;
    }
    assertThat(taken).isEqualTo(1_000);
  }

  @Test
  void aQuietSpellSavesUpOneBurstAndNoMore() {
    var budget = RateBudget.perSecond(10, now::get);
    now.addAndGet(TimeUnit.HOURS.toNanos(1));

    int taken = 0;
    while (budget.tryTake()) {
      taken++;
    }
    assertThat(taken).isEqualTo(10);
  }

  @Test
  void refusesANonPositiveRateAndABurstOutsideOneToTheRate() {
    assertThatThrownBy(() -> RateBudget.perMinute(0, now::get))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new RateBudget(10, Duration.ofSeconds(1), 11, now::get))
        .hasMessageContaining("burst must be within [1, 10]");
    assertThatThrownBy(() -> new RateBudget(10, Duration.ofSeconds(1), 0, now::get))
        .hasMessageContaining("burst must be within [1, 10]");
  }
}
