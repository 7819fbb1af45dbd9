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
    if (EmailRecognizer.indexOf(text, '.', 0) < 0) {
      return;
    }
    Starts.scan(text, DOMAIN.matcher(text), i -> labelStartBeforeDot(text, i),
        m -> consider(text, m, out));
  }

  /** A letter or digit starting a word that reaches a dot within 63 chars. */
  private static boolean labelStartBeforeDot(CharSequence text, int i) {
    if (!Character.isLetterOrDigit(text.charAt(i))
        || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
      return false;
    }
    for (int k = i + 1; k < Math.min(text.length(), i + 64); k++) {
      char c = text.charAt(k);
      if (c == '.') {
        return true;
      }
      if (!Character.isLetterOrDigit(c) && c != '-') {
        return false;
      }
    }
    return false;
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
