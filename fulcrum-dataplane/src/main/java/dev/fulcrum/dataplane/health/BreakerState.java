package dev.fulcrum.dataplane.health;

/** The circuit breaker's state, as the router sees it. */
public enum BreakerState {
  /** Calls flow. */
  CLOSED,
  /** Calls are refused until the next probe time. */
  OPEN,
  /** A few probe calls are let through to test recovery. */
  HALF_OPEN
}
