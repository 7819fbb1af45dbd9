package dev.fulcrum.dataplane.privacy.ner;

/**
 * Splits text into word and punctuation tokens, one bounded segment at a time.
 *
 * <p>A word is a run of letters, digits and combining marks; it may contain an inner hyphen or
 * apostrophe followed by a letter ("Jean-Pierre", "O'Brien"), but a trailing possessive
 * ("'s") becomes its own token. A short capitalized word followed by a period keeps the period
 * ("Dr.", "St.", "J.") so abbreviations read as one token. Numbers keep inner separators
 * ("10:30", "1,250.00", "192.168.0.1"), and an e-mail address or URL is a single token. Every other non-space char is a
 * token of its own; control chars and whitespace separate tokens. Lone surrogates and any other
 * junk are single-char tokens, so tokenizing never fails.
 */
final class Tokenizer {
  private static final int MAX_ADDRESS = 256;

  private Tokenizer() {}

  /**
   * Fills {@code seq} with tokens from {@code text} starting at {@code from}: at most
   * {@code seq.capacity()} tokens, stopping early after a sentence end once the segment is half
   * full. Returns the offset where the next segment starts ({@code text.length()} when done).
   */
  static int next(CharSequence text, int from, TokenSeq seq) {
    seq.reset(text);
    int n = text.length();
    int i = from;
    boolean newline = false;
    int cap = seq.capacity();
    while (i < n && seq.size() < cap) {
      char c = text.charAt(i);
      if (isSeparator(c)) {
        newline |= c == '\n' || c == '\r';
        i++;
        continue;
      }
      int end = addressLikeEnd(text, i, n);
      if (end < 0) {
        end = isWordChar(c) ? wordEnd(text, i, n) : punctEnd(text, i, n);
      }
      seq.add(i, end, newline);
      newline = false;
      i = end;
      if (seq.size() >= cap / 2 && isSentenceEnd(c)) {
        break;
      }
    }
    return i;
  }

  private static final byte SEPARATOR = 1;
  private static final byte WORD = 2;
  /** Char classes of ASCII, the common case. */
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII[c] = Character.isLetterOrDigit(c) ? WORD
          : Character.isWhitespace(c) || Character.isISOControl(c) ? SEPARATOR : 0;
    }
  }

  static boolean isSeparator(char c) {
    if (c < 128) {
      return ASCII[c] == SEPARATOR;
    }
    return Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c);
  }

  static boolean isWordChar(char c) {
    if (c < 128) {
      return ASCII[c] == WORD;
    }
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isSentenceEnd(char c) {
    return c == '.' || c == '!' || c == '?';
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }

  private static int wordEnd(CharSequence text, int start, int n) {
    int i = start + 1;
    while (i < n) {
      char c = text.charAt(i);
      if (isWordChar(c)) {
        i++;
      } else if (isNumberSeparator(c) && Character.isDigit(text.charAt(i - 1)) && i + 1 < n
          && Character.isDigit(text.charAt(i + 1))) {
        i += 2;
      } else if ((c == '-' || isApostrophe(c)) && i + 1 < n && Character.isLetter(text.charAt(i + 1))
          && !(isApostrophe(c) && isPossessive(text, i, n))) {
        i += 2;
      } else {
        break;
      }
    }
    if (i < n && text.charAt(i) == '.' && isAbbreviation(text, start, i)) {
      i++;
    }
    return i;
  }

  private static boolean isNumberSeparator(char c) {
    return c == '.' || c == ',' || c == ':' || c == '/' || c == '-';
  }

  /**
   * An e-mail address or URL is one token (up to the next space, without trailing
   * punctuation), so the names inside it are not read as names in running text. Returns -1
   * when the chunk at {@code start} is neither.
   */
  private static int addressLikeEnd(CharSequence text, int start, int n) {
    if (!isWordChar(text.charAt(start)) || (start > 0 && !isSeparator(text.charAt(start - 1))
        && "<([{\"'".indexOf(text.charAt(start - 1)) < 0)) {
      return -1;
    }
    int end = start;
    boolean at = false;
    boolean scheme = false;
    while (end < n && end - start < MAX_ADDRESS && !isSeparator(text.charAt(end))) {
      char c = text.charAt(end);
      at |= c == '@';
      scheme |= c == ':' && end + 2 < n && text.charAt(end + 1) == '/' && text.charAt(end + 2) == '/';
      end++;
    }
    boolean www = end - start > 4 && isW(text.charAt(start)) && isW(text.charAt(start + 1))
        && isW(text.charAt(start + 2)) && text.charAt(start + 3) == '.';
    if (!at && !scheme && !www) {
      return -1;
    }
    while (end > start + 1 && ".,;:!?)]}'\"".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  private static boolean isW(char c) {
    return c == 'w' || c == 'W';
  }

  /** A short word starting with a capital and not all capitals: "Dr", "St", "Mrs", "J". */
  private static boolean isAbbreviation(CharSequence text, int start, int end) {
    int len = end - start;
    if (len > 3 || !Character.isUpperCase(text.charAt(start))) {
      return false;
    }
    for (int i = start + 1; i < end; i++) {
      if (!Character.isLowerCase(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the apostrophe at {@code i} starts a final "'s". */
  private static boolean isPossessive(CharSequence text, int i, int n) {
    char s = text.charAt(i + 1);
    return (s == 's' || s == 'S') && (i + 2 >= n || !isWordChar(text.charAt(i + 2)));
  }

  private static int punctEnd(CharSequence text, int start, int n) {
    if (isApostrophe(text.charAt(start)) && start + 1 < n && isPossessive(text, start, n)) {
      return start + 2;
    }
    return start + 1;
  }
}
