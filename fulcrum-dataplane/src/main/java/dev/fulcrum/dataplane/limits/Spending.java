package dev.fulcrum.dataplane.limits;

/**
 * What tenants have spent this month, as the data plane sees it: published by the gateway's
 * wiring from the usage ledger (written and not yet written), never read from a store here.
 */
@FunctionalInterface
public interface Spending {
  /** Nothing spent by anyone. */
  Spending NONE = tenant -> 0;

  /**
   * The tenant's spend in the current calendar month (UTC), in US dollars. Called on the event
   * loop for every request of a tenant with a budget: must not block.
   */
  double monthToDateUsd(String tenant);
}
