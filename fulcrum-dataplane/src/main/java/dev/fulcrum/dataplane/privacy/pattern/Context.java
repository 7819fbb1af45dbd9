package dev.fulcrum.dataplane.privacy.pattern;

import java.util.List;
import java.util.Locale;

/** Looks for context words near a finding, which raise (or are required for) its score. */
final class Context {
  private Context() {}

  /** Whether one of {@code words} (lower case) ends within {@code reach} chars before {@code at}. */
  static boolean before(CharSequence text, int at, int reach, List<String> words) {
    return containsWord(text, Math.max(0, at - reach), at, words);
  }

  /** Whether one of {@code words} (lower case) starts within {@code reach} chars after {@code at}. */
  static boolean after(CharSequence text, int at, int reach, List<String> words) {
    return containsWord(text, at, Math.min(text.length(), at + reach), words);
  }

  static boolean containsWord(CharSequence text, int from, int to, List<String> words) {
    if (from >= to) {
      return false;
    }
    String region = text.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
    for (String word : words) {
      for (int i = region.indexOf(word); i >= 0; i = region.indexOf(word, i + 1)) {
        if (isBoundary(region, i - 1) && isBoundary(region, i + word.length())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isBoundary(String s, int i) {
    return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
  }
}
