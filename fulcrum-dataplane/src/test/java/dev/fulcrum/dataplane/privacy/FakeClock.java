package dev.fulcrum.dataplane.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand, optionally stepping forward on every read. */
final class FakeClock implements InstantSource {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private Duration stepPerRead = Duration.ZERO;

  FakeClock stepEveryRead(Duration step) {
    this.stepPerRead = step;
    return this;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public Instant instant() {
    Instant read = now;
    now = now.plus(stepPerRead);
    return read;
  }
}
