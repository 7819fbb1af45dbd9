package dev.fulcrum.dataplane.privacy.pattern;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.List;
import java.util.Locale;

/**
 * IBANs, bare or grouped by single spaces: a known country code, two check digits, then exactly
 * that country's number of letters and digits, passing the mod-97 checksum, and not glued to
 * more letters or digits.
 */
final class IbanRecognizer implements Recognizer {
  static final double SCORE = 1.0;

  @Override
  public void find(CharSequence text, List<Entity> out) {
    int n = text.length();
    for (int i = 0; i + 15 <= n; i++) {
      if (isAsciiLetter(text.charAt(i)) && isAsciiLetter(text.charAt(i + 1))
          && isDigit(text.charAt(i + 2)) && isDigit(text.charAt(i + 3))
          && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
        int end = match(text, i, n);
        if (end > 0) {
          out.add(new Entity(EntityType.IBAN_CODE, i, end, SCORE));
          i = end - 1;
        }
      }
    }
  }

  /** The end of a valid IBAN starting at {@code start}, or -1. */
  private static int match(CharSequence text, int start, int n) {
    String country = text.subSequence(start, start + 2).toString().toUpperCase(Locale.ROOT);
    int length = Ibans.length(country);
    if (length == 0) {
      return -1;
    }
    StringBuilder iban = new StringBuilder(length);
    int i = start;
    while (i < n && iban.length() < length) {
      char c = text.charAt(i);
      if (isAsciiLetter(c) || isDigit(c)) {
        iban.append(c);
        i++;
      } else if (c == ' ' && i + 1 < n && i > start && text.charAt(i - 1) != ' ') {
        i++; // one space between groups
      } else {
        return -1;
      }
    }
    boolean complete = iban.length() == length
        && (i == n || !Character.isLetterOrDigit(text.charAt(i)));
    return complete && Ibans.checksumValid(iban) ? i : -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
