package dev.fulcrum.controlplane.telemetry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A day's privacy budget and how much of it releases have spent, in exact decimals.
 *
 * @param day the UTC day whose data the budget protects
 * @param epsilonBudget the most ε all releases of that day may spend together
 * @param deltaBudget the most δ they may spend together
 * @param epsilonSpent ε spent so far
 * @param deltaSpent δ spent so far
 */
public record PrivacyBudget(LocalDate day, BigDecimal epsilonBudget, BigDecimal deltaBudget,
    BigDecimal epsilonSpent, BigDecimal deltaSpent) {
  public PrivacyBudget {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(epsilonBudget, "epsilonBudget");
    Objects.requireNonNull(deltaBudget, "deltaBudget");
    Objects.requireNonNull(epsilonSpent, "epsilonSpent");
    Objects.requireNonNull(deltaSpent, "deltaSpent");
  }

  /** Whether a release costing {@code epsilon} and {@code delta} still fits. */
  public boolean allows(BigDecimal epsilon, BigDecimal delta) {
    return epsilonSpent.add(epsilon).compareTo(epsilonBudget) <= 0
        && deltaSpent.add(delta).compareTo(deltaBudget) <= 0;
  }

  /** The ε left to spend. */
  public BigDecimal epsilonRemaining() {
    return epsilonBudget.subtract(epsilonSpent).max(BigDecimal.ZERO);
  }
}
