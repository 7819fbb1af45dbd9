package dev.fulcrum.dataplane.limits;

import java.util.Objects;

/**
 * A request let in by {@link Admission}, and what placement must know about the tenant's budget.
 *
 * @param budgetExhausted the tenant's budget is spent: only free routes may serve
 * @param budget the budget in words for reasons and errors, e.g. "monthly budget $500.00 for
 *     tenant acme ($500.12 spent)"; empty when within budget
 */
public record Admitted(boolean budgetExhausted, String budget) {
  public static final Admitted WITHIN_BUDGET = new Admitted(false, "");

  public Admitted {
    Objects.requireNonNull(budget, "budget");
  }
}
