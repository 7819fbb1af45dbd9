package dev.fulcrum.dataplane.privacy.pattern;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs with a scheme ({@code http}, {@code https}, {@code ftp}) or starting {@code www.}, whose
 * host is {@code localhost}, an IP literal or a domain ending in a delegated TLD. Trailing
 * sentence punctuation and unbalanced closing brackets are not part of the URL.
 */
final class UrlRecognizer implements Recognizer {
  static final double SCORE = 0.9;
  static final double SCORE_WWW = 0.8;
  private static final Pattern URL = Pattern.compile(
      "(?i)(?<![\\w.@-])(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'`{}|\\\\^]{1,2048}");
  private static final Pattern HOST_END = Pattern.compile("[/?#:]");

  @Override
  public void find(CharSequence text, List<Entity> out) {
    String s = text.toString();
    if (s.indexOf("://") < 0 && s.indexOf("www.") < 0 && s.indexOf("WWW.") < 0) {
      return; // the common case: prose without any URL
    }
    Matcher m = Starts.matcher(URL, s);
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (isSchemeOrWwwStart(s, i) && Starts.lookingAt(m, i, n)) {
        consider(s, m, out);
        i = m.end() - 1;
      }
    }
  }

  /** A word starting with {@code http}, {@code ftp:} or {@code www.}, in any case. */
  private static boolean isSchemeOrWwwStart(String s, int i) {
    char c = (char) (s.charAt(i) | 0x20);
    return (c == 'h' || c == 'f' || c == 'w')
        && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
        && (s.regionMatches(true, i, "http", 0, 4) || s.regionMatches(true, i, "ftp:", 0, 4)
            || s.regionMatches(true, i, "www.", 0, 4));
  }

  private static void consider(CharSequence text, Matcher m, List<Entity> out) {
    int end = trimEnd(text, m.start(), m.end());
    int hostStart = hostStart(text, m.start(), end);
    if (hostStart < 0) {
      return;
    }
    Matcher h = HOST_END.matcher(text).region(hostStart, end);
    int hostEnd = h.find() ? h.start() : end;
    if (validHost(text, hostStart, hostEnd)) {
      boolean www = text.charAt(m.start()) == 'w' || text.charAt(m.start()) == 'W';
      out.add(new Entity(EntityType.URL, m.start(), end, www ? SCORE_WWW : SCORE));
    }
  }

  /** Where the host begins: after {@code ://} and any {@code user@}; -1 if not found. */
  private static int hostStart(CharSequence text, int start, int end) {
    String url = text.subSequence(start, end).toString();
    int scheme = url.indexOf("://");
    int host = scheme >= 0 ? scheme + 3 : 0;
    int slash = url.indexOf('/', host);
    int at = url.lastIndexOf('@', slash < 0 ? url.length() - 1 : slash);
    if (at >= host) {
      host = at + 1;
    }
    return host < url.length() ? start + host : -1;
  }

  private static boolean validHost(CharSequence text, int start, int end) {
    String host = text.subSequence(start, end).toString();
    if (host.equalsIgnoreCase("localhost") || (host.startsWith("[") && host.endsWith("]"))) {
      return true;
    }
    if (host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
      return host.chars().filter(c -> c == '.').count() == 3;
    }
    return EmailRecognizer.domainEnd(host, 0, host.length()) == host.length()
        && host.indexOf('.') > 0;
  }

  /** Drops trailing punctuation and closing brackets that have no opening partner. */
  static int trimEnd(CharSequence text, int start, int end) {
    while (end > start) {
      char c = text.charAt(end - 1);
      if (".,;:!?*'\"".indexOf(c) >= 0) {
        end--;
      } else if (c == ')' && count(text, start, end, '(') < count(text, start, end, ')')) {
        end--;
      } else if (c == ']' && count(text, start, end, '[') < count(text, start, end, ']')) {
        end--;
      } else {
        return end;
      }
    }
    return end;
  }

  private static int count(CharSequence text, int start, int end, char c) {
    int n = 0;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
