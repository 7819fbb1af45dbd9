package dev.fulcrum.dataplane.privacy.pattern;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.List;

/**
 * E-mail addresses: from each {@code @}, the local part is read leftwards and the domain
 * rightwards; the domain must have at least two well-formed labels and end in a delegated TLD.
 * Trailing labels that are not a TLD are dropped ({@code a@b.com.Next} keeps {@code a@b.com}).
 */
final class EmailRecognizer implements Recognizer {
  static final double SCORE = 1.0;
  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;

  @Override
  public void find(CharSequence text, List<Entity> out) {
    int n = text.length();
    for (int at = indexOf(text, '@', 0); at >= 0; at = indexOf(text, '@', at + 1)) {
      int start = localStart(text, at);
      int end = domainEnd(text, at + 1, n);
      if (start < at && end > at + 1) {
        out.add(new Entity(EntityType.EMAIL_ADDRESS, start, end, SCORE));
      }
    }
  }

  /** Start of a valid local part ending before {@code at}, or {@code at} when there is none. */
  private static int localStart(CharSequence text, int at) {
    int i = at;
    while (i > 0 && at - i < MAX_LOCAL && isLocalChar(text.charAt(i - 1))) {
      i--;
    }
    while (i < at && text.charAt(i) == '.') {
      i++; // a local part never starts with a dot
    }
    if (i == at || text.charAt(at - 1) == '.' || contains(text, i, at, "..")) {
      return at;
    }
    return i;
  }

  /** End of the longest valid domain starting at {@code from}, or {@code from} when none. */
  static int domainEnd(CharSequence text, int from, int n) {
    int i = from;
    while (i < n && i - from < MAX_DOMAIN && isDomainChar(text.charAt(i))) {
      i++;
    }
    int end = i;
    while (end > from) {
      while (end > from && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
        end--;
      }
      int lastDot = lastIndexOf(text, '.', from, end);
      if (lastDot < 0) {
        return from;
      }
      if (Tlds.contains(text.subSequence(lastDot + 1, end)) && labelsValid(text, from, end)) {
        return end;
      }
      end = lastDot;
    }
    return from;
  }

  private static boolean labelsValid(CharSequence text, int from, int end) {
    int labelStart = from;
    for (int i = from; i <= end; i++) {
      if (i == end || text.charAt(i) == '.') {
        int len = i - labelStart;
        if (len == 0 || len > 63 || text.charAt(labelStart) == '-'
            || text.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
      }
    }
    return true;
  }

  static boolean isLocalChar(char c) {
    return Character.isLetterOrDigit(c) || ".!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
  }

  static boolean isDomainChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '.';
  }

  static int indexOf(CharSequence s, char c, int from) {
    if (s instanceof String str) {
      return str.indexOf(c, from);
    }
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(CharSequence s, char c, int from, int end) {
    for (int i = end - 1; i >= from; i--) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean contains(CharSequence s, int from, int to, String needle) {
    return s.subSequence(from, to).toString().contains(needle);
  }
}
