package dev.fulcrum.gateway.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EmbeddingBudgetTest {
  private final AtomicLong now = new AtomicLong(1_000);

  private int takenDuring(EmbeddingBudget budget, long millis, long stepMillis) {
    int taken = 0;
    for (long t = 0; t < millis; t += stepMillis) {
      taken += budget.tryTake() ? 1 : 0;
      now.addAndGet(TimeUnit.MILLISECONDS.toNanos(stepMillis));
    }
    return taken;
  }

  @Test
  void allowsItsRatePerMinuteHoweverManyAsk() {
    var budget = new EmbeddingBudget(60, now::get);

    // a request every millisecond for two minutes: 120,000 asks, 120 embeddings
    assertThat(takenDuring(budget, 120_000, 1)).isEqualTo(120);
  }

  @Test
  void spacesTakesEvenlyInsteadOfSpendingTheMinuteAtOnce() {
    var budget = new EmbeddingBudget(60, now::get);

    assertThat(budget.tryTake()).isTrue();
    assertThat(budget.tryTake()).isFalse();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
    assertThat(budget.tryTake()).isFalse();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
    assertThat(budget.tryTake()).isTrue();
  }

  @Test
  void quietTrafficIsNotCappedBelowWhatItAsks() {
    var budget = new EmbeddingBudget(60, now::get);

    // one ask every 5 s for a minute: every one is taken
    assertThat(takenDuring(budget, 60_000, 5_000)).isEqualTo(12);
  }

  @Test
  void refusesANonPositiveRate() {
    assertThatThrownBy(() -> new EmbeddingBudget(0, now::get))
        .hasMessageContaining("at least 1");
  }
}
