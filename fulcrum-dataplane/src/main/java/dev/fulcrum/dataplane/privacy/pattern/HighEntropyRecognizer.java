package dev.fulcrum.dataplane.privacy.pattern;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Random-looking tokens that are probably credentials without a known prefix. A token is a run of
 * base64/base64url characters ({@code A-Z a-z 0-9 + / _ - =}) of 20 to 1024 chars. It is
 * reported when it mixes upper case, lower case and digits, its Shannon entropy is close to that
 * of random text of its length, and its character class changes often: not counting upper to
 * lower case, random base62 text changes class at about 45% of positions, CamelCase words and
 * paths at under 20%.
 *
 * <p>Not reported, to keep prose, code and logs clean: UUIDs, pure hex strings (git SHAs,
 * digests) unless a word like "key", "secret" or "token" comes just before, and anything with a
 * long run of lower-case letters (a word).
 */
final class HighEntropyRecognizer implements Recognizer {
  static final double SCORE = 0.7;
  static final double SCORE_WITH_CONTEXT = 0.85;
  private static final int MIN_LENGTH = 20;
  private static final int MAX_LENGTH = 1024;
  private static final double MIN_CLASS_CHANGE_RATE = 0.3;
  private static final int MAX_LOWER_RUN = 8;
  private static final Pattern UUID = Pattern.compile(
      "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
  private static final List<String> CONTEXT = List.of("key", "secret", "token", "password",
      "passwd", "pwd", "api_key", "apikey", "api-key", "access_key", "secret_key", "bearer",
      "auth", "authorization", "credential", "credentials", "private");

  @Override
  public void find(CharSequence text, List<Entity> out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isTokenChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && isTokenChar(text.charAt(i))) {
        i++;
      }
      int end = trim(text, start, i);
      if (end - start >= MIN_LENGTH && end - start <= MAX_LENGTH) {
        consider(text, start, end, out);
      }
    }
  }

  private static void consider(CharSequence text, int start, int end, List<Entity> out) {
    String token = text.subSequence(start, end).toString();
    if (UUID.matcher(token).matches()) {
      return;
    }
    boolean context = Context.before(text, start, 24, CONTEXT);
    Shape shape = Shape.of(token);
    boolean secret = shape.hex()
        ? context && token.length() >= 32
        : shape.mixed() && shape.classChangeRate() >= MIN_CLASS_CHANGE_RATE
            && shape.longestLowerRun() <= MAX_LOWER_RUN
            && shape.entropy() >= entropyThreshold(token.length());
    if (secret) {
      out.add(new Entity(EntityType.SECRET, start, end, context ? SCORE_WITH_CONTEXT : SCORE));
    }
  }

  /**
   * 85% of the entropy expected of random base62 text this long: log2 of the number of distinct
   * symbols such a string is likely to hold, capped at 62.
   */
  static double entropyThreshold(int length) {
    return 0.85 * log2(Math.min(length, 62)) - 0.3;
  }

  /** Drops trailing {@code -}, {@code _} and {@code /}, which end sentences and paths. */
  private static int trim(CharSequence text, int start, int end) {
    while (end > start && "-_/".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  static boolean isTokenChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '+' || c == '/' || c == '_' || c == '-' || c == '=';
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** The statistics the decision uses. */
  record Shape(boolean mixed, boolean hex, double entropy, double classChangeRate,
      int longestLowerRun) {

    static Shape of(String token) {
      int[] counts = new int[128];
      boolean upper = false;
      boolean lower = false;
      boolean digit = false;
      boolean hex = true;
      int changes = 0;
      int lowerRun = 0;
      int longestLowerRun = 0;
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        counts[c]++;
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
        digit |= c >= '0' && c <= '9';
        hex &= Character.digit(c, 16) >= 0;
        lowerRun = c >= 'a' && c <= 'z' ? lowerRun + 1 : 0;
        longestLowerRun = Math.max(longestLowerRun, lowerRun);
        if (i > 0 && changesClass(token.charAt(i - 1), c)) {
          changes++;
        }
      }
      double rate = token.length() > 1 ? changes / (double) (token.length() - 1) : 0;
      return new Shape(upper && lower && digit, hex, entropy(counts, token.length()), rate,
          longestLowerRun);
    }

    /** A change of character class, except upper to lower case (which every word has). */
    private static boolean changesClass(char previous, char c) {
      int from = charClass(previous);
      int to = charClass(c);
      return from != to && !(from == 0 && to == 1);
    }

    private static int charClass(char c) {
      if (c >= 'A' && c <= 'Z') {
        return 0;
      }
      if (c >= 'a' && c <= 'z') {
        return 1;
      }
      return c >= '0' && c <= '9' ? 2 : 3;
    }

    private static double entropy(int[] counts, int length) {
      double h = 0;
      for (int count : counts) {
        if (count > 0) {
          double p = count / (double) length;
          h -= p * log2(p);
        }
      }
      return h;
    }
  }
}
