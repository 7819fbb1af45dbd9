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

  private static boolean dotWithin(CharSequence text, int from, int reach) {
    for (int i = from; i < Math.min(text.length(), from + reach); i++) {
      if (text.charAt(i) == '.') {
        return true;
      }
    }
    return false;
  }

  static final double SCORE = 0.9;
  static final double SCORE_UNLIKELY = 0.3;
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern V4 = Pattern.compile(
      "(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\w]|\\.\\d)");
  private static final Pattern V6 = Pattern.compile(
      "(?<![\\w:.])[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}(?![\\w:])");
  private static final List<String> VERSION = List.of("version", "ver", "v", "release");

  @Override
  public void find(CharSequence text, List<Entity> out) {
    Starts.scan(text, V4.matcher(text), i -> Starts.digitRunStart(text, i)
        && dotWithin(text, i + 1, 4), m -> {
          boolean version = Context.before(text, m.start(), 10, VERSION);
          out.add(new Entity(EntityType.IP_ADDRESS, m.start(), m.end(),
              version ? SCORE_UNLIKELY : SCORE));
        });
    if (EmailRecognizer.indexOf(text, ':', 0) < 0) {
      return;
    }
    Matcher m = V6.matcher(text);
    while (m.find()) {
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
  }
}
