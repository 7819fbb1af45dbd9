package dev.fulcrum.dataplane.privacy.pattern;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;

/**
 * Runs an anchored pattern only where a match can start, instead of letting {@code find()} try
 * (and check a lookbehind at) every position: a cheap char test picks the candidate starts. The
 * matcher must use transparent bounds so lookbehinds still see the text before a start.
 */
final class Starts {
  private Starts() {}

  /** Calls {@code onMatch} for each non-overlapping match starting where {@code start} holds. */
  static void scan(CharSequence text, Matcher matcher, IntPredicate start,
      java.util.function.Consumer<Matcher> onMatch) {
    matcher.useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (start.test(i)) {
        matcher.region(i, n);
        if (matcher.lookingAt()) {
          int end = matcher.end();
          onMatch.accept(matcher);
          i = Math.max(end, i + 1);
          continue;
        }
      }
      i++;
    }
  }

  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A digit that does not follow another digit. */
  static boolean digitRunStart(CharSequence text, int i) {
    return isAsciiDigit(text.charAt(i)) && (i == 0 || !isAsciiDigit(text.charAt(i - 1)));
  }
}
