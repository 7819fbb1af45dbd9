package dev.fulcrum.dataplane.classify;

import java.util.List;

/**
 * Cheap surface features of the whole prompt, appended to the embedding: things MiniLM sees
 * poorly or not at all in a bounded window (overall length, structure, code, script, numbers).
 * One pass over the text, no allocation besides the result.
 */
final class LexicalFeatures {
  /** Feature names, in the order {@link #of} returns them; the model file lists them too. */
  static final List<String> NAMES = List.of(
      "log_chars",          // ln(1 + UTF-16 length)
      "log_lines",          // ln(1 + non-blank lines)
      "log_questions",      // ln(1 + count of '?' and '？')
      "code_fence",         // 1 when the text contains ``` else 0
      "code_symbol_ratio",  // share of characters in {}[]();=<>`_#$\|
      "non_ascii_letters",  // share of letters outside ASCII (scripts, accents)
      "digit_ratio",        // share of characters that are digits
      "log_list_items");    // ln(1 + lines starting with -, *, • or 1. / 1))

  private static final String CODE_SYMBOLS = "{}[]();=<>`_#$\\|";

  private LexicalFeatures() {}

  static double[] of(String text) {
    Counts counts = new Counts();
    text.lines().forEach(counts::line);
    int length = text.length();
    return new double[] {
        Math.log1p(length),
        Math.log1p(counts.lines),
        Math.log1p(counts.questions),
        text.contains("```") ? 1.0 : 0.0,
        ratio(counts.codeSymbols, length),
        ratio(counts.nonAsciiLetters, counts.letters),
        ratio(counts.digits, length),
        Math.log1p(counts.listItems)};
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }

  /** Running counts over the lines of one text. */
  private static final class Counts {
    int lines;
    int listItems;
    int questions;
    int codeSymbols;
    int letters;
    int nonAsciiLetters;
    int digits;

    void line(String line) {
      String stripped = line.strip();
      if (stripped.isEmpty()) {
        return;
      }
      lines++;
      if (isListItem(stripped)) {
        listItems++;
      }
      line.codePoints().forEach(this::codePoint);
    }

    private void codePoint(int cp) {
      if (cp == '?' || cp == '？') {
        questions++;
      } else if (cp < 128 && CODE_SYMBOLS.indexOf(cp) >= 0) {
        codeSymbols++;
      } else if (Character.isDigit(cp)) {
        digits++;
      } else if (Character.isLetter(cp)) {
        letters++;
        if (cp >= 128) {
          nonAsciiLetters++;
        }
      }
    }

    private static boolean isListItem(String stripped) {
      char first = stripped.charAt(0);
      if (first == '-' || first == '*' || first == '•') {
        return true;
      }
      int i = 0;
      while (i < stripped.length() && i < 3 && Character.isDigit(stripped.charAt(i))) {
        i++;
      }
      return i > 0 && i < stripped.length()
          && (stripped.charAt(i) == '.' || stripped.charAt(i) == ')');
    }
  }
}
