package dev.fulcrum.dataplane.privacy.pattern;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Payment card numbers of 12 to 19 digits, bare or grouped by single spaces or dashes, that pass
 * the Luhn checksum and fall in a known issuer range of the right length. Within a longer run of
 * digit groups (a card followed by its expiry, say) the longest valid run of whole groups wins.
 * A Luhn-valid number outside the known issuer ranges is reported only after a word such as
 * "card", "credit" or "visa", with a lower score.
 */
final class CreditCardRecognizer implements Recognizer {
  static final double SCORE = 1.0;
  static final double SCORE_UNKNOWN_ISSUER = 0.8;
  private static final List<String> CONTEXT = List.of("card", "credit", "debit", "visa",
      "mastercard", "amex", "cc", "cc#", "pan", "payment", "karte", "carte");
  private static final int MAX_GROUPS = 24;

  @Override
  public void find(CharSequence text, List<Entity> out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isDigit(text.charAt(i)) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      List<int[]> groups = groups(text, i, n);
      int[] last = groups.getLast();
      if (last[1] < n && isWordChar(text.charAt(last[1]))) {
        i = last[1];
        continue; // glued to letters: a product code, not a card
      }
      findInRun(text, groups, out);
      i = last[1];
    }
  }

  /** Digit groups {@code [start, end)} joined by one space or dash, starting at {@code from}. */
  private static List<int[]> groups(CharSequence text, int from, int n) {
    List<int[]> groups = new ArrayList<>();
    int i = from;
    while (true) {
      int start = i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      groups.add(new int[] {start, i});
      boolean joined = i + 1 < n && (text.charAt(i) == ' ' || text.charAt(i) == '-')
          && isDigit(text.charAt(i + 1));
      if (!joined || groups.size() == MAX_GROUPS) {
        return groups;
      }
      i++;
    }
  }

  private static void findInRun(CharSequence text, List<int[]> groups, List<Entity> out) {
    int first = 0;
    while (first < groups.size()) {
      int best = -1;
      double bestScore = 0;
      StringBuilder digits = new StringBuilder(19);
      for (int last = first; last < groups.size() && digits.length() <= 19; last++) {
        int[] g = groups.get(last);
        digits.append(text, g[0], g[1]);
        // the context words are looked for only when they matter, which is rare
        double score = CardNumbers.isValid(digits) ? SCORE
            : CardNumbers.isLuhnValidLength(digits)
                && Context.before(text, groups.getFirst()[0], 32, CONTEXT)
                ? SCORE_UNKNOWN_ISSUER : 0;
        if (score > 0 && score >= bestScore) {
          best = last;
          bestScore = score;
        }
      }
      if (best >= 0) {
        out.add(new Entity(EntityType.CREDIT_CARD, groups.get(first)[0], groups.get(best)[1],
            bestScore));
        first = best + 1;
      } else {
        first++;
      }
    }
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
