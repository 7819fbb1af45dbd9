package dev.fulcrum.controlplane.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand. Thread-safe. */
public final class FakeClock implements InstantSource {
  public static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
  private volatile Instant now;

  public FakeClock() {
    this(START);
  }

  public FakeClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  public synchronized Instant advance(Duration step) {
    now = now.plus(step);
    return now;
  }

  public void set(Instant instant) {
    now = instant;
  }
}
