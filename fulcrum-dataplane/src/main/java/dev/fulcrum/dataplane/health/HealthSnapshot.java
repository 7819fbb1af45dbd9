package dev.fulcrum.dataplane.health;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What is known about one backend at one instant: the router's input about health.
 *
 * @param backend the backend's name
 * @param breaker the circuit breaker's state
 * @param latencyMicros EWMA latency of successful calls (time to answer, or to the first chunk
 *     of a stream), or -1 while there is no sample yet
 * @param errorRate EWMA fraction of calls that failed, in [0, 1]
 * @param inFlight calls under way right now
 * @param availableAt when the backend may be called again: the next breaker probe while open,
 *     or the end of an upstream {@code Retry-After}; {@link Instant#EPOCH} when available now
 * @param why a short explanation when not available now, else empty
 */
public record HealthSnapshot(String backend, BreakerState breaker, long latencyMicros,
    double errorRate, int inFlight, Instant availableAt, String why) {

  public HealthSnapshot {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(breaker, "breaker");
    Objects.requireNonNull(availableAt, "availableAt");
    Objects.requireNonNull(why, "why");
  }

  /** A backend nothing is known about yet: healthy, no latency estimate. */
  public static HealthSnapshot unknown(String backend) {
    return new HealthSnapshot(backend, BreakerState.CLOSED, -1, 0, 0, Instant.EPOCH, "");
  }

  /** The EWMA latency, when there is one. */
  public OptionalLong latency() {
    return latencyMicros < 0 ? OptionalLong.empty() : OptionalLong.of(latencyMicros);
  }

  /** Whether a call may be attempted at {@code now}. */
  public boolean availableAt(Instant now) {
    return !availableAt.isAfter(now);
  }
}
