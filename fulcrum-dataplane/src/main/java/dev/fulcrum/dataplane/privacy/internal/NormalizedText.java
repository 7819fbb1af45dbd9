package dev.fulcrum.dataplane.privacy.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A normalized view of (a range of) some original text, with a map from every normalized char
 * back to the span of original chars it came from, so findings in the normalized text can be
 * reported against the original.
 *
 * <p>Normalization: Unicode NFKC (which folds full-width digits and letters, ligatures and
 * no-break spaces to their plain forms), and removal of invisible format characters that are
 * used to break up values (zero-width space, non-joiner and joiner, word joiner, byte order mark,
 * soft hyphen, Mongolian vowel separator, invisible operators). NFKC is applied per cluster (a
 * code point and the combining marks after it), which keeps the map exact. Lone surrogates, NULs
 * and U+FFFD pass through unchanged. Input that this leaves as it is (ASCII, and most prose
 * beyond it: curly quotes, dashes, accented letters) is recognized in one pass and not copied.
 *
 * <p>Map guarantees, for every {@code 0 <= s < e <= length()}: {@code originalStart(s) <
 * originalEnd(e)}, both lie within the range that was normalized, and both are non-decreasing in
 * their argument. Immutable and thread-safe. {@link #toString()} never shows the text.
 */
public final class NormalizedText {
  private static final String[] SINGLE = new String[Character.MAX_VALUE + 1];

  private final String text;
  private final int offset;
  private final int[] starts;
  private final int[] ends;

  private NormalizedText(String text, int offset, int[] starts, int[] ends) {
    this.text = text;
    this.offset = offset;
    this.starts = starts;
    this.ends = ends;
  }

  /** Normalizes the whole of {@code original}. */
  public static NormalizedText of(CharSequence original) {
    return of(original, 0, original.length());
  }

  /**
   * Normalizes {@code original[from, to)}; offsets reported by the map are indexes into
   * {@code original}.
   */
  public static NormalizedText of(CharSequence original, int from, int to) {
    Objects.checkFromToIndex(from, to, original.length());
    if (isStable(original, from, to)) {
      return new NormalizedText(original.subSequence(from, to).toString(), from, null, null);
    }
    return ofEveryCluster(original, from, to);
  }

  /**
   * Normalizes cluster by cluster, without first checking whether anything changes. Gives the
   * same text and map as {@link #of(CharSequence, int, int)}; tests compare the two.
   */
  static NormalizedText ofEveryCluster(CharSequence original, int from, int to) {
    return new Builder(to - from).normalize(original, from, to);
  }

  /** The normalized text. */
  public String text() {
    return text;
  }

  public int length() {
    return text.length();
  }

  /** Whether normalization changed nothing, so offsets only shift by the range start. */
  public boolean identity() {
    return starts == null;
  }

  /** Offset in the original of the first char that normalized char {@code index} came from. */
  public int originalStart(int index) {
    Objects.checkIndex(index, text.length());
    return starts == null ? offset + index : starts[index];
  }

  /**
   * Offset in the original just after the chars that normalized chars {@code [.., end)} came
   * from; {@code end} is an exclusive end in {@code (0, length()]}.
   */
  public int originalEnd(int end) {
    Objects.checkIndex(end - 1, text.length());
    return ends == null ? offset + end : ends[end - 1];
  }

  @Override
  public String toString() {
    return "NormalizedText[length=" + text.length() + ", identity=" + identity() + "]";
  }

  /** Whether a code point is an invisible format character that normalization removes. */
  public static boolean isRemoved(int c) {
    return switch (c) {
      case 0x00AD, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064,
          0xFEFF -> true;
      default -> false;
    };
  }

  /**
   * Whether normalizing {@code s[from, to)} changes nothing: every char is ASCII or {@link
   * #isStable(char) stable}. Then every cluster is one char that NFKC keeps, so the normalized
   * text is the original and the map is the identity.
   */
  private static boolean isStable(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && !isStable(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A char that normalization keeps as it is wherever it stands: NFKC maps it to itself, it is
   * not removed, and it is neither a combining mark (which joins the cluster before it) nor half
   * of a surrogate pair (left to the full path).
   */
  private static boolean isStable(char c) {
    if (Character.isSurrogate(c) || isRemoved(c) || isCombining(c)) {
      return false;
    }
    String normalized = single(c);
    return normalized.length() == 1 && normalized.charAt(0) == c;
  }

  /** NFKC of one BMP char, memoized: Normalizer allocates and is slow per call. */
  private static String single(char c) {
    String cached = SINGLE[c];
    if (cached == null) {
      cached = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
      SINGLE[c] = cached; // a benign race: every thread computes the same immutable value
    }
    return cached;
  }

  private static boolean isCombining(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** Accumulates normalized chars and their original spans. */
  private static final class Builder {
    private final StringBuilder out;
    private int[] starts;
    private int[] ends;

    Builder(int capacity) {
      out = new StringBuilder(capacity);
      starts = new int[Math.max(16, capacity)];
      ends = new int[starts.length];
    }

    NormalizedText normalize(CharSequence s, int from, int to) {
      int i = from;
      while (i < to) {
        char c = s.charAt(i);
        if (c < 0x80 && (i + 1 == to || s.charAt(i + 1) < 0x300)) { // no combining mark follows
          append(c, i, i + 1);
          i++;
        } else if (Character.isSurrogate(c) && !isPair(s, i, to)) {
          append(c, i, i + 1); // a lone surrogate passes through untouched
          i++;
        } else {
          i = cluster(s, i, to);
        }
      }
      int n = out.length();
      return new NormalizedText(out.toString(), from, Arrays.copyOf(starts, n),
          Arrays.copyOf(ends, n));
    }

    /** Normalizes one code point and the combining marks after it; returns the next index. */
    private int cluster(CharSequence s, int start, int to) {
      int first = Character.codePointAt(s, start); // a pair here was checked to end before to
      int end = start + Character.charCount(first);
      if (isRemoved(first)) {
        return end;
      }
      while (end < to && !Character.isSurrogate(s.charAt(end)) && isCombining(s.charAt(end))) {
        end++;
      }
      String piece = end == start + 1 ? single(s.charAt(start))
          : Normalizer.normalize(s.subSequence(start, end), Normalizer.Form.NFKC);
      for (int k = 0; k < piece.length(); k++) {
        append(piece.charAt(k), start, end);
      }
      return end;
    }

    private static boolean isPair(CharSequence s, int i, int to) {
      return Character.isHighSurrogate(s.charAt(i)) && i + 1 < to
          && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private void append(char c, int originalStart, int originalEnd) {
      int n = out.length();
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
        ends = Arrays.copyOf(ends, n * 2);
      }
      starts[n] = originalStart;
      ends[n] = originalEnd;
      out.append(c);
    }
  }
}
