package dev.fulcrum.controlplane.telemetry;

import java.math.BigDecimal;
import java.util.Objects;

/** A release was refused because it would spend more than the day's privacy budget. */
public final class PrivacyBudgetExhaustedException extends RuntimeException {
  private final PrivacyBudget budget;

  public PrivacyBudgetExhaustedException(PrivacyBudget budget, BigDecimal epsilon,
      BigDecimal delta) {
    super("the privacy budget for " + budget.day() + " cannot pay for this release: ε "
        + budget.epsilonSpent().toPlainString() + " of " + budget.epsilonBudget().toPlainString()
        + " and δ " + budget.deltaSpent().toPlainString() + " of "
        + budget.deltaBudget().toPlainString() + " are spent, the release needs ε "
        + epsilon.toPlainString() + " and δ " + delta.toPlainString()
        + "; nothing more about that day can be released");
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /** The budget as it stood when the release was refused. */
  public PrivacyBudget budget() {
    return budget;
  }
}
