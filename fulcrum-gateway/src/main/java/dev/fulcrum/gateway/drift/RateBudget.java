package dev.fulcrum.gateway.drift;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * At most {@code rate} takes per period, whatever the traffic: a burst of up to {@code burst}
 * takes when the budget has been idle, then one per {@code period / rate}, evenly spaced (the
 * generic cell rate algorithm: one "theoretical arrival time" moved forward by each take). Drift
 * uses it twice: prompt embeddings cost milliseconds of CPU each, and even a sample's features
 * cost microseconds on the drift thread, while a drift window needs hundreds of samples, not one
 * per request. Thread-safe and lock-free; a refused take costs one clock read and one atomic
 * read, and a take that loses a race with another thread is refused rather than retried.
 */
final class RateBudget {
  private final long intervalNanos;
  private final long toleranceNanos;
  private final LongSupplier nanos;
  private final AtomicLong next;

  /**
   * @param rate how many takes one period allows at the steady pace (at least 1)
   * @param period the period the rate is counted over
   * @param burst how many takes may come at once after a quiet spell (1 to {@code rate})
   * @param nanos a monotonic clock in nanoseconds
   */
  RateBudget(int rate, Duration period, int burst, LongSupplier nanos) {
    if (rate < 1) {
      throw new IllegalArgumentException("rate must be at least 1, got " + rate);
    }
    if (burst < 1 || burst > rate) {
      throw new IllegalArgumentException("burst must be within [1, " + rate + "], got " + burst);
    }
    this.intervalNanos = period.toNanos() / rate;
    this.toleranceNanos = (burst - 1) * intervalNanos;
    this.nanos = nanos;
    this.next = new AtomicLong(nanos.getAsLong());
  }

  /** At most {@code perMinute} takes a minute, evenly spaced, with no burst. */
  static RateBudget perMinute(int perMinute, LongSupplier nanos) {
    return new RateBudget(perMinute, Duration.ofMinutes(1), 1, nanos);
  }

  /** At most {@code perSecond} takes a second; a quiet budget allows a second's worth at once. */
  static RateBudget perSecond(int perSecond, LongSupplier nanos) {
    return new RateBudget(perSecond, Duration.ofSeconds(1), perSecond, nanos);
  }

  /** Whether one more take fits now; if so it is counted. */
  boolean tryTake() {
    long now = nanos.getAsLong();
    long due = next.get();
    if (due - now > toleranceNanos) {
      return false;
    }
    long from = due - now < 0 ? now : due;
    return next.compareAndSet(due, from + intervalNanos);
  }
}
