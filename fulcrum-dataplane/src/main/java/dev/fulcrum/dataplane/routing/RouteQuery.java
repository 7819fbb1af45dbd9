package dev.fulcrum.dataplane.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * The facts about one request that placement depends on. Everything the router knows arrives
 * here or in the table and backend view, including the current time.
 *
 * @param alias the model the caller named
 * @param operation what is asked of the backend
 * @param stickyKey who is asking (tenant, and user when known), so canary splits are sticky
 * @param now the current instant, for health and cool-down checks
 * @param privacy what the privacy scan found and the tenant's policy
 * @param constraints the caller's latency and cost limits
 * @param tokens expected usage, for cost estimates
 * @param exhaustedBudget the tenant's spent budget in words ("monthly budget $500.00 for tenant
 *     acme"): only free routes may serve; empty while within budget
 */
public record RouteQuery(String alias, Operation operation, String stickyKey, Instant now,
    PrivacyFacts privacy, Constraints constraints, TokenEstimate tokens,
    String exhaustedBudget) {

  public RouteQuery {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(stickyKey, "stickyKey");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(constraints, "constraints");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(exhaustedBudget, "exhaustedBudget");
  }

  /** Whether the tenant's budget is spent. */
  public boolean budgetExhausted() {
    return !exhaustedBudget.isEmpty();
  }

  public RouteQuery withAlias(String other) {
    return new RouteQuery(other, operation, stickyKey, now, privacy, constraints, tokens,
        exhaustedBudget);
  }

  /** A well-mixed 64-bit hash of the sticky key (FNV-1a, then a SplitMix64 finalizer). */
  long stickyHash() {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < stickyKey.length(); i++) {
      hash ^= stickyKey.charAt(i);
      hash *= 0x100000001b3L;
    }
    hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
    hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
    return hash ^ (hash >>> 31);
  }
}
