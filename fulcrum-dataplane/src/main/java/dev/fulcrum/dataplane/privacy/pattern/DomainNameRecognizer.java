package dev.fulcrum.dataplane.privacy.pattern;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bare domain names ({@code example.co.uk}) that are not part of an e-mail address or URL: two or
 * more well-formed labels ending in a delegated TLD. Many TLDs collide with file extensions and
 * code ({@code setup.py}, {@code README.md}, {@code this.name}), so only widely used generic TLDs
 * and two-letter country codes that are not common file extensions score above the default
 * threshold; the rest are reported with a low score.
 */
final class DomainNameRecognizer implements Recognizer {
  static final double SCORE = 0.6;
  static final double SCORE_UNLIKELY = 0.3;
  private static final Pattern DOMAIN = Pattern.compile(
      "(?<![\\w@./:-])(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.){1,8}"
          + "[\\p{L}]{2,24}(?![\\w@-]|\\.[\\p{L}\\p{N}])");
  private static final Set<String> COMMON = Set.of("com", "org", "net", "edu", "gov", "mil",
      "int", "io", "co", "info", "biz", "me", "app", "dev", "ai", "xyz", "online", "site",
      "tech", "store", "shop", "blog", "cloud", "eu", "asia");
  private static final Set<String> FILE_LIKE = Set.of("py", "md", "rs", "sh", "pl", "ps", "so",
      "cc", "ml", "pm", "sc", "st", "in", "am", "is", "it", "at", "to", "no", "do", "be", "go",
      "ts", "js", "cs", "hs", "kt", "ws", "gz", "mk");

  @Override
  public void find(CharSequence text, List<Entity> out) {
    String s = text.toString();
    Matcher m = Starts.matcher(DOMAIN, s);
    int n = s.length();
    int from = 0;
    for (int dot = s.indexOf('.', 1); dot >= 0; dot = s.indexOf('.', dot + 1)) {
      if (dot + 1 == n || !mayFollowFirstDot(s.charAt(dot + 1))) {
        continue;
      }
      int i = Math.max(from, labelRunStart(s, dot));
      for (; i < dot; i++) {
        if (isLabelStart(s, i) && Starts.lookingAt(m, i, n)) {
          consider(s, m, out);
          from = m.end();
          break; // the match runs past this dot
        }
      }
    }
  }

  /**
   * How far back from {@code dot} candidate starts can lie: to the start of the letters, digits
   * and hyphens before it, at most 63 chars. A domain's first label ends at the first dot after
   * its start, so every candidate is found from exactly one dot.
   */
  private static int labelRunStart(String s, int dot) {
    int start = dot;
    while (start > 0 && dot - start < 63 && isLetterDigitOrHyphen(s.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  /**
   * A letter or digit starting a word, and not after a char that {@link #DOMAIN}'s lookbehind
   * rejects.
   */
  private static boolean isLabelStart(String s, int i) {
    if (!Character.isLetterOrDigit(s.charAt(i))) {
      return false;
    }
    if (i == 0) {
      return true;
    }
    char before = s.charAt(i - 1);
    return !Character.isLetterOrDigit(before) && "_@./:-".indexOf(before) < 0;
  }

  /**
   * Whether {@code c}, just after a domain's first dot, can start its next label or its TLD (a
   * letter or digit). Other chars than ASCII are left for the pattern to judge. Sentence ends
   * ("... the customer. Jane") fail here, so the pattern never runs on them.
   */
  private static boolean mayFollowFirstDot(char c) {
    return c >= 0x80 || Starts.isAsciiLetter(c) || Starts.isAsciiDigit(c);
  }

  private static boolean isLetterDigitOrHyphen(char c) {
    return Character.isLetterOrDigit(c) || c == '-';
  }

  private static void consider(CharSequence text, Matcher m, List<Entity> out) {
    int lastDot = lastDot(text, m.start(), m.end());
    String tld = text.subSequence(lastDot + 1, m.end()).toString().toLowerCase(Locale.ROOT);
    if (Tlds.contains(tld)) {
      out.add(new Entity(EntityType.DOMAIN_NAME, m.start(), m.end(), score(tld)));
    }
  }

  private static double score(String tld) {
    boolean countryCode = tld.length() == 2 && !FILE_LIKE.contains(tld);
    return COMMON.contains(tld) || countryCode ? SCORE : SCORE_UNLIKELY;
  }

  private static int lastDot(CharSequence text, int start, int end) {
    for (int i = end - 1; i > start; i--) {
      if (text.charAt(i) == '.') {
        return i;
      }
    }
    return start;
  }
}
