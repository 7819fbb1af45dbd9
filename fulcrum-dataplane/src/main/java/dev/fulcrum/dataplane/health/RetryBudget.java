package dev.fulcrum.dataplane.health;

/**
 * Caps fallback attempts to a fraction of traffic, so an outage does not multiply load on the
 * backends that are still up (a retry storm). Every request deposits {@code ratio} tokens, every
 * fallback spends one; the balance is capped and starts at {@code initial}, which also lets the
 * first requests after a quiet period fall back. Thread-safe.
 */
public final class RetryBudget {
  private final double ratio;
  private final double cap;
  private double tokens;

  /**
   * @param ratio fallbacks allowed per request in steady state, e.g. 0.2
   * @param initial tokens available at start and the most that can accumulate
   */
  public RetryBudget(double ratio, double initial) {
    if (!(ratio > 0) || !(initial >= 1)) {
      throw new IllegalArgumentException("ratio must be > 0 and initial >= 1");
    }
    this.ratio = ratio;
    this.cap = initial;
    this.tokens = initial;
  }

  /** A budget of 20% fallbacks, with room for 10 at once. */
  public static RetryBudget standard() {
    return new RetryBudget(0.2, 10);
  }

  /** Called once per request. */
  public synchronized void deposit() {
    tokens = Math.min(cap, tokens + ratio);
  }

  /** Whether one more fallback attempt may go out; spends a token when it may. */
  public synchronized boolean trySpend() {
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
