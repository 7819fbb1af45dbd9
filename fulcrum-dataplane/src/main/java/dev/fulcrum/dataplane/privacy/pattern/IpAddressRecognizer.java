package dev.fulcrum.dataplane.privacy.pattern;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP addresses, parsed by hand (never resolved). IPv4: four decimal octets 0-255 without leading
 * zeros, not part of a longer dotted number; scored low after "version" or a "v" (a version
 * string). IPv6: full, compressed ({@code ::}) and IPv4-suffixed forms ({@code ::ffff:1.2.3.4}),
 * not glued to letters; forms with fewer than four hex digits ({@code a::b}) score low.
 */
final class IpAddressRecognizer implements Recognizer {
  static final double SCORE = 0.9;
  static final double SCORE_UNLIKELY = 0.3;
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern V4 = Pattern.compile(
      "(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\w]|\\.\\d)");
  /** The longest text {@link #V6} matches: a full address with an IPv4 tail is 45 chars. */
  private static final int V6_LONGEST = 45;
  private static final Pattern V6 = Pattern.compile(
      "(?<![\\w:.])[0-9A-Fa-f:][0-9A-Fa-f:.]{1," + (V6_LONGEST - 1) + "}(?![\\w:])");
  private static final List<String> VERSION = List.of("version", "ver", "v", "release");

  @Override
  public void find(CharSequence text, List<Entity> out) {
    String s = text.toString();
    findV4(s, out);
    if (s.indexOf(':') >= 0) {
      findV6(s, out);
    }
  }

  /**
   * IPv4 addresses start with one to three digits and a dot, so {@link #V4} is tried only at
   * such digits, found from the dots.
   */
  private static void findV4(String s, List<Entity> out) {
    Matcher m = Starts.matcher(V4, s);
    int n = s.length();
    int from = 0;
    for (int dot = s.indexOf('.', 1); dot >= 0; dot = s.indexOf('.', dot + 1)) {
      int start = dot;
      while (start > 0 && dot - start < 4 && Starts.isAsciiDigit(s.charAt(start - 1))) {
        start--;
      }
      if (start >= from && start < dot && dot - start <= 3 && Starts.digitRunStart(s, start)
          && Starts.lookingAt(m, start, n)) {
        boolean version = Context.before(s, start, 10, VERSION);
        out.add(new Entity(EntityType.IP_ADDRESS, start, m.end(),
            version ? SCORE_UNLIKELY : SCORE));
        from = m.end();
      }
    }
  }

  /**
   * {@link #V6} can only start a run of address chars (hex digits, colons, dots), as its
   * lookbehind rejects one inside a run; so it is tried once per run that holds a colon.
   */
  private static void findV6(String s, List<Entity> out) {
    Matcher m = Starts.matcher(V6, s);
    int n = s.length();
    for (int colon = s.indexOf(':'); colon >= 0; ) {
      int start = colon;
      while (start > 0 && isV6Char(s.charAt(start - 1))) {
        start--;
      }
      int end = colon;
      while (end < n && isV6Char(s.charAt(end))) {
        end++;
      }
      if (v6CanStart(s, start) && Starts.lookingAt(m, start, n)) {
        considerV6(s, m, out);
      }
      colon = s.indexOf(':', end);
    }
  }

  private static void considerV6(CharSequence text, Matcher m, List<Entity> out) {
    int end = m.end();
    while (end > m.start() && text.charAt(end - 1) == '.') {
      end--; // a full stop after the address
    }
    String candidate = text.subSequence(m.start(), end).toString();
    int hexDigits = Ipv6.hexDigits(candidate);
    if (hexDigits > 0 && Ipv6.isValid(candidate)) {
      out.add(new Entity(EntityType.IP_ADDRESS, m.start(), end,
          hexDigits >= 4 ? SCORE : SCORE_UNLIKELY));
    }
  }

  /**
   * Whether {@link #V6} can start at {@code i} and yield a valid address: a hex digit or colon
   * not after a word char, colon or dot (the pattern's own test), with two colons among the
   * address chars that follow within its longest match (every valid form has {@code ::} or
   * seven colons).
   */
  private static boolean v6CanStart(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c == '.' || !isV6Char(c) || (i > 0 && isBeforeV6(text.charAt(i - 1)))) {
      return false;
    }
    int colons = 0;
    int limit = Math.min(text.length(), i + V6_LONGEST);
    for (int k = i; k < limit && isV6Char(text.charAt(k)); k++) {
      if (text.charAt(k) == ':' && ++colons == 2) {
        return true;
      }
    }
    return false;
  }

  /** A char of {@link #V6}'s body: an ASCII hex digit, colon or dot. */
  private static boolean isV6Char(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'
        || c == '.';
  }

  /** A char that may not precede an IPv6 address: a word char ({@code \w}), colon or dot. */
  private static boolean isBeforeV6(char c) {
    return Starts.isAsciiLetter(c) || Starts.isAsciiDigit(c) || c == '_' || c == ':' || c == '.';
  }
}
