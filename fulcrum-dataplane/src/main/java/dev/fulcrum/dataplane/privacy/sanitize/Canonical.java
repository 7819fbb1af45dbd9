package dev.fulcrum.dataplane.privacy.sanitize;

import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.internal.NormalizedText;
import java.util.Locale;

/**
 * The form of a value that decides whether two mentions are the same value, for pseudonyms and
 * hashes: normalized (NFKC, invisible characters removed), then, by type, only the digits of
 * numbers (so "4111 1111 1111 1111" and "4111-1111-1111-1111" match), upper-case letters and
 * digits of IBANs, case-folded and whitespace-collapsed text for everything but secrets.
 */
final class Canonical {
  private Canonical() {}

  static String of(EntityType type, CharSequence value) {
    String text = NormalizedText.of(value).text();
    return switch (type) {
      case CREDIT_CARD, US_SSN -> digits(text, false);
      case PHONE_NUMBER -> digits(text, true);
      case IBAN_CODE -> text.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
      case SECRET -> text.strip();
      case EMAIL_ADDRESS, IP_ADDRESS, URL, DOMAIN_NAME, PERSON, LOCATION, DATE_TIME, ORGANIZATION,
          NRP -> text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    };
  }

  private static String digits(String text, boolean keepPlus) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '0' && c <= '9') || (keepPlus && c == '+' && out.isEmpty())) {
        out.append(c);
      }
    }
    return out.isEmpty() ? text : out.toString();
  }
}
