package dev.fulcrum.controlplane.audit;

import java.math.BigDecimal;
import java.util.Objects;

/** US-dollar amounts in their one canonical form: non-negative, no trailing zeros. */
final class Money {
  private Money() {}

  static BigDecimal normalize(BigDecimal usd) {
    Objects.requireNonNull(usd, "costUsd");
    if (usd.signum() < 0) {
      throw new IllegalArgumentException("costUsd must not be negative");
    }
    BigDecimal normal = usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
    if (normal.scale() > 12 || normal.precision() - normal.scale() > 12) {
      throw new IllegalArgumentException("costUsd must have at most 12 digits before and after "
          + "the decimal point");
    }
    return normal;
  }

  static String format(BigDecimal usd) {
    return usd.toPlainString();
  }
}
