package dev.fulcrum.dataplane.limits;

import java.time.InstantSource;

/** The in-memory buckets (Bucket4j) keep the {@link RateCountersContract}. */
class LocalCountersTest extends RateCountersContract {
  @Override
  protected RateCounters create(InstantSource clock) {
    return RateCounters.inMemory(clock);
  }
}
