package dev.fulcrum.dataplane.privacy.pattern;

import java.util.regex.Pattern;

/** A strict IPv6 text parser (RFC 4291 section 2.2 forms; no zone ids, no prefix lengths). */
final class Ipv6 {
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern V4 = Pattern.compile(
      "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  private Ipv6() {}

  static boolean isValid(String s) {
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    if (gap < 0) {
      return groups(s, true) == 8;
    }
    String head = s.substring(0, gap);
    String tail = s.substring(gap + 2);
    int left = head.isEmpty() ? 0 : groups(head, false);
    int right = tail.isEmpty() ? 0 : groups(tail, true);
    return left >= 0 && right >= 0 && left + right <= 7;
  }

  /** Counts the groups in a colon-separated list (an IPv4 tail counts two), or -1 if invalid. */
  private static int groups(String s, boolean v4Tail) {
    String[] parts = s.split(":", -1);
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (HEX_GROUP.matcher(part).matches()) {
        count++;
      } else if (v4Tail && i == parts.length - 1 && V4.matcher(part).matches()) {
        count += 2;
      } else {
        return -1;
      }
    }
    return count;
  }

  static int hexDigits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) >= 0) {
        n++;
      }
    }
    return n;
  }
}
