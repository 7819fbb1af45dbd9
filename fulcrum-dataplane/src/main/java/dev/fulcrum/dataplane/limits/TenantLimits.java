package dev.fulcrum.dataplane.limits;

/**
 * What one tenant may use ({@code tenants[].limits} in the config). Rates are token buckets that
 * hold a minute's allowance and refill continuously, so a tenant may burst up to the full
 * allowance and then proceeds at the steady rate.
 *
 * @param requestsPerMinute requests admitted per minute; {@code 0} for no limit
 * @param tokensPerMinute prompt plus completion tokens per minute, reserved from the request's
 *     estimate when it is admitted and corrected to the actual usage when it ends; {@code 0} for
 *     no limit
 * @param monthlyBudgetUsd what the tenant may spend on paid routes per calendar month (UTC), in
 *     US dollars; {@link #NO_BUDGET} for none. Once spent, only free routes serve the tenant.
 */
public record TenantLimits(long requestsPerMinute, long tokensPerMinute,
    double monthlyBudgetUsd) {
  /** The largest per-minute rate (keeps Redis bucket arithmetic exact in doubles). */
  public static final long MAX_PER_MINUTE = 1_000_000_000L;
  /** No monthly budget: paid routes are never ruled out for cost. */
  public static final double NO_BUDGET = Double.POSITIVE_INFINITY;
  /** No limits at all, the default for a tenant without a {@code limits:} block. */
  public static final TenantLimits NONE = new TenantLimits(0, 0, NO_BUDGET);

  public TenantLimits {
    requireRate(requestsPerMinute, "requestsPerMinute");
    requireRate(tokensPerMinute, "tokensPerMinute");
    if (!(monthlyBudgetUsd >= 0)) {
      throw new IllegalArgumentException("monthlyBudgetUsd must be zero or more");
    }
  }

  public boolean limitsRequests() {
    return requestsPerMinute > 0;
  }

  public boolean limitsTokens() {
    return tokensPerMinute > 0;
  }

  public boolean hasBudget() {
    return monthlyBudgetUsd != NO_BUDGET;
  }

  private static void requireRate(long value, String name) {
    if (value < 0 || value > MAX_PER_MINUTE) {
      throw new IllegalArgumentException(name + " must be between 0 (no limit) and "
          + MAX_PER_MINUTE);
    }
  }
}
