package dev.fulcrum.gateway.drift;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * At most a given number of prompt embeddings per minute, evenly spaced, whatever the traffic:
 * an embedding costs milliseconds of CPU on the in-process model, and drift needs hundreds of
 * embedded samples per window, not one per request. Thread-safe and lock-free; a refused take
 * costs one atomic read.
 */
final class EmbeddingBudget {
  private final long intervalNanos;
  private final LongSupplier nanos;
  private final AtomicLong next;

  /**
   * @param perMinute how many takes a minute allows (at least 1)
   * @param nanos a monotonic clock in nanoseconds
   */
  EmbeddingBudget(int perMinute, LongSupplier nanos) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1, got " + perMinute);
    }
    this.intervalNanos = TimeUnit.MINUTES.toNanos(1) / perMinute;
    this.nanos = nanos;
    this.next = new AtomicLong(nanos.getAsLong());
  }

  /** Whether one more embedding fits now; if so it is counted. */
  boolean tryTake() {
    long now = nanos.getAsLong();
    long due = next.get();
    return now - due >= 0 && next.compareAndSet(due, now + intervalNanos);
  }
}
