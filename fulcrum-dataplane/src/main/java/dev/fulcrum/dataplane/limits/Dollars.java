package dev.fulcrum.dataplane.limits;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** US-dollar amounts for messages: cents, or three significant digits below a cent. */
final class Dollars {
  private Dollars() {}

  static String format(double usd) {
    if (usd == 0 || Math.abs(usd) >= 0.01) {
      return String.format(Locale.ROOT, "$%.2f", usd);
    }
    return "$" + new BigDecimal(usd).round(new MathContext(3)).stripTrailingZeros()
        .toPlainString();
  }
}
