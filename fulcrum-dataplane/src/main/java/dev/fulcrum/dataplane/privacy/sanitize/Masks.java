package dev.fulcrum.dataplane.privacy.sanitize;

import dev.fulcrum.core.privacy.EntityType;

/**
 * Type-aware partial masks ({@link Action#MASK}). Each keeps only what is commonly shown to
 * identify a value to its owner without disclosing it:
 *
 * <ul>
 *   <li>CREDIT_CARD: {@code ****-****-****-1234} (last four digits);
 *   <li>US_SSN: {@code ***-**-6789}; PHONE_NUMBER: layout kept, all but the last two digits
 *       starred; IBAN_CODE: country code and last four kept, layout kept;
 *   <li>EMAIL_ADDRESS: first char of the local part and the domain, {@code j***@example.com};
 *   <li>IP_ADDRESS: first IPv4 octet or IPv6 group, {@code 192.*.*.*}, {@code 2001:*};
 *   <li>SECRET: a short vendor prefix ending in {@code -} or {@code _} and {@code ****};
 *   <li>URL: scheme and host, path starred; DOMAIN_NAME: TLD only, {@code ****.com};
 *   <li>DATE_TIME: every letter and digit starred, separators kept;
 *   <li>PERSON, LOCATION, ORGANIZATION, NRP: first letter of each word, {@code J*** S****}.
 * </ul>
 */
final class Masks {
  private Masks() {}

  static String mask(EntityType type, String value) {
    return switch (type) {
      case CREDIT_CARD -> "****-****-****-" + lastDigits(value, 4);
      case US_SSN -> "***-**-" + lastDigits(value, 4);
      case PHONE_NUMBER -> starDigitsExceptLast(value, 2);
      case IBAN_CODE -> iban(value);
      case EMAIL_ADDRESS -> email(value);
      case IP_ADDRESS -> ip(value);
      case SECRET -> secretPrefix(value) + "****";
      case URL -> url(value);
      case DOMAIN_NAME -> "****" + value.substring(Math.max(0, value.lastIndexOf('.')));
      case DATE_TIME -> value.replaceAll("[\\p{L}\\p{N}]", "*");
      case PERSON, LOCATION, ORGANIZATION, NRP -> initials(value);
    };
  }

  private static String lastDigits(String value, int count) {
    String digits = value.replaceAll("\\D", "");
    return digits.substring(Math.max(0, digits.length() - count));
  }

  private static String starDigitsExceptLast(String value, int keep) {
    int digits = (int) value.chars().filter(Character::isDigit).count();
    StringBuilder out = new StringBuilder(value.length());
    int seen = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean digit = Character.isDigit(c);
      out.append(digit && ++seen <= digits - keep ? '*' : c);
    }
    return out.toString();
  }

  private static String iban(String value) {
    int alnum = (int) value.chars().filter(Character::isLetterOrDigit).count();
    StringBuilder out = new StringBuilder(value.length());
    int seen = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        seen++;
        out.append(seen <= 2 || seen > alnum - 4 ? c : '*');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String email(String value) {
    int at = value.lastIndexOf('@');
    if (at <= 0) {
      return initials(value);
    }
    return value.charAt(0) + "***" + value.substring(at);
  }

  private static String ip(String value) {
    if (value.indexOf(':') >= 0) {
      int colon = value.indexOf(':');
      return (colon == 0 ? "" : value.substring(0, colon)) + ":*";
    }
    int dot = value.indexOf('.');
    return (dot < 0 ? value : value.substring(0, dot)) + ".*.*.*";
  }

  private static String secretPrefix(String value) {
    int end = 0;
    for (int i = 0; i < Math.min(value.length(), 12); i++) {
      char c = value.charAt(i);
      if (c == '-' || c == '_') {
        end = i + 1;
      }
    }
    return value.substring(0, end);
  }

  private static String url(String value) {
    int scheme = value.indexOf("://");
    int hostStart = scheme < 0 ? 0 : scheme + 3;
    int pathStart = value.indexOf('/', hostStart);
    if (pathStart < 0) {
      return value.substring(0, hostStart) + "****";
    }
    return value.substring(0, pathStart) + "/****";
  }

  private static String initials(String value) {
    StringBuilder out = new StringBuilder(value.length());
    boolean wordStart = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(wordStart ? c : '*');
        wordStart = false;
      } else {
        out.append(c);
        wordStart = true;
      }
    }
    return out.toString();
  }
}
