package dev.fulcrum.dataplane.privacy.pattern;

/** Payment card checks: the Luhn checksum and issuer identification (IIN) ranges with lengths. */
final class CardNumbers {

  /** An issuer's IIN range {@code [low, high]} over the first {@code prefixDigits} digits. */
  private record Issuer(int prefixDigits, int low, int high, int minLength, int maxLength) {}

  private static final Issuer[] ISSUERS = {
      new Issuer(1, 4, 4, 13, 19),            // Visa (13, 16, 19 in practice)
      new Issuer(2, 51, 55, 16, 16),          // Mastercard
      new Issuer(4, 2221, 2720, 16, 16),      // Mastercard 2-series
      new Issuer(2, 34, 34, 15, 15),          // American Express
      new Issuer(2, 37, 37, 15, 15),
      new Issuer(4, 6011, 6011, 16, 19),      // Discover
      new Issuer(3, 644, 649, 16, 19),
      new Issuer(2, 65, 65, 16, 19),
      new Issuer(6, 622126, 622925, 16, 19),  // Discover / UnionPay co-branded
      new Issuer(2, 62, 62, 16, 19),          // UnionPay
      new Issuer(2, 35, 35, 16, 19),          // JCB (assigned 3528-3589; the rest of 35 is
                                              // unassigned, accepted to survive table drift)
      new Issuer(4, 1800, 1800, 15, 15),      // JCB (legacy 15-digit)
      new Issuer(4, 2131, 2131, 15, 15),
      new Issuer(3, 300, 305, 14, 19),        // Diners Club
      new Issuer(4, 3095, 3095, 14, 19),
      new Issuer(2, 36, 36, 14, 19),
      new Issuer(2, 38, 39, 14, 19),
      new Issuer(2, 50, 50, 12, 19),          // Maestro
      new Issuer(2, 56, 69, 12, 19),
      new Issuer(4, 2200, 2204, 16, 19),      // Mir
      new Issuer(4, 9792, 9792, 16, 16),      // Troy
      new Issuer(1, 1, 1, 15, 15),            // UATP
  };

  private CardNumbers() {}

  /** Whether {@code digits} (ASCII digits only) passes Luhn and matches an issuer's range. */
  static boolean isValid(CharSequence digits) {
    return digits.length() >= 12 && digits.length() <= 19 && luhn(digits) && knownIssuer(digits);
  }

  /** Whether {@code digits} has a card number's length and passes Luhn, whoever the issuer. */
  static boolean isLuhnValidLength(CharSequence digits) {
    return digits.length() >= 12 && digits.length() <= 19 && luhn(digits);
  }

  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  static boolean knownIssuer(CharSequence digits) {
    int length = digits.length();
    for (Issuer issuer : ISSUERS) {
      int prefix = Integer.parseInt(digits, 0, issuer.prefixDigits(), 10);
      if (prefix >= issuer.low() && prefix <= issuer.high()
          && length >= issuer.minLength() && length <= issuer.maxLength()) {
        return true;
      }
    }
    return false;
  }
}
