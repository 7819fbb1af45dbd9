package dev.fulcrum.dataplane.health;

/**
 * Caps fallback attempts to a fraction of traffic, so an outage does not multiply load on the
 * backends that are still up (a retry storm). Every request deposits {@code ratio} tokens, every
 * fallback spends one. The balance starts at {@code initial}, so the first requests can fall
 * back, and never exceeds {@code cap}, which bounds the burst of fallbacks a quiet period can
 * save up. Over time fallbacks stay below {@code ratio} × requests + {@code cap}. Thread-safe.
 */
public final class RetryBudget {
  private final double ratio;
  private final double cap;
  private double tokens;

  /**
   * @param ratio fallbacks allowed per request in steady state, e.g. 0.2
   * @param initial tokens available at start
   * @param cap the most tokens that can accumulate
   */
  public RetryBudget(double ratio, double initial, double cap) {
    if (!(ratio > 0) || !(initial >= 0) || !(cap >= Math.max(1, initial))) {
      throw new IllegalArgumentException("need ratio > 0, initial >= 0, cap >= max(1, initial)");
    }
    this.ratio = ratio;
    this.cap = cap;
    this.tokens = initial;
  }

  /** A budget of 20% fallbacks, 10 available at start, at most 100 saved up. */
  public static RetryBudget standard() {
    return new RetryBudget(0.2, 10, 100);
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
