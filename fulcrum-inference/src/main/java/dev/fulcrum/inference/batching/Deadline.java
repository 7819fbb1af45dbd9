package dev.fulcrum.inference.batching;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a request may take from the moment it reaches a batcher until its answer: its SLA.
 * The batcher turns it into a point on its own clock at submission, so callers need not share
 * that clock. A zero or negative budget means "as soon as possible".
 *
 * @param budget the time left for waiting in the queue plus running the batch
 */
public record Deadline(Duration budget) {
  public Deadline {
    Objects.requireNonNull(budget, "budget");
  }

  public static Deadline in(Duration budget) {
    return new Deadline(budget);
  }

  /** The deadline as nanoseconds on a clock that reads {@code now}; saturates far out. */
  long at(long now) {
    if (budget.isNegative()) {
      return now;
    }
    try {
      return Math.addExact(now, budget.toNanos());
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
