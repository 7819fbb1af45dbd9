package dev.fulcrum.dataplane.privacy.ner;

import java.util.Arrays;

/**
 * One segment of tokens with everything the feature templates read: offsets, folded-word,
 * shape and affix hashes, capitalization class and gazetteer classes. Mutable scratch space:
 * one instance per call, never shared between threads.
 */
final class TokenSeq {
  /** Capitalization classes. */
  static final byte LOWER = 0;
  static final byte TITLE = 1;
  static final byte UPPER = 2;
  static final byte INITIAL = 3;
  static final byte NO_LETTER = 4;
  static final byte MIXED = 5;

  private static final int MAX_SHAPE_CHARS = 48;

  private CharSequence text = "";
  private int size;
  final int[] start;
  final int[] end;
  final boolean[] newlineBefore;
  final int[] word;
  final int[] shape;
  final int[] prefix3;
  final int[] suffix2;
  final int[] suffix3;
  final int[] suffix4;
  final byte[] caps;
  /** {@link #caps} plus 8 at the start of a sentence or line. */
  final byte[] capsAt;
  final int[] gaz;
  /** Gazetteer classes of a multi-token match covering the token, as begin/inside bits. */
  final int[] phrase;
  private char[] folded = new char[64];

  TokenSeq(int capacity) {
    start = new int[capacity];
    end = new int[capacity];
    newlineBefore = new boolean[capacity];
    word = new int[capacity];
    shape = new int[capacity];
    prefix3 = new int[capacity];
    suffix2 = new int[capacity];
    suffix3 = new int[capacity];
    suffix4 = new int[capacity];
    caps = new byte[capacity];
    capsAt = new byte[capacity];
    gaz = new int[capacity];
    phrase = new int[capacity];
  }

  int capacity() {
    return start.length;
  }

  int size() {
    return size;
  }

  CharSequence text() {
    return text;
  }

  void reset(CharSequence text) {
    this.text = text;
    size = 0;
  }

  void add(int from, int to, boolean newline) {
    int i = size++;
    start[i] = from;
    end[i] = to;
    newlineBefore[i] = newline;
    analyze(i);
  }

  /** Whether token {@code i} starts a sentence (or a line). */
  boolean sentenceStart(int i) {
    if (i == 0 || newlineBefore[i]) {
      return true;
    }
    int prev = end[i - 1] - 1;
    char c = text.charAt(prev);
    return (c == '.' && end[i - 1] - start[i - 1] == 1) || c == '!' || c == '?' || c == ':'
        || c == '"' || c == '“' || c == '(' || c == '-' || c == '•' || c == '*';
  }

  /** The token's text; only for explanations and training, never on the hot path. */
  String surface(int i) {
    return text.subSequence(start[i], end[i]).toString();
  }

  /** The token's folded text; only for explanations. */
  String foldedSurface(int i) {
    int len = fold(i);
    return new String(folded, 0, len);
  }

  private int fold(int i) {
    int len = end[i] - start[i];
    if (folded.length < len) {
      folded = Arrays.copyOf(folded, Math.max(len, folded.length * 2));
    }
    for (int k = 0; k < len; k++) {
      folded[k] = Hashing.fold(text.charAt(start[i] + k));
    }
    return len;
  }

  /**
   * One pass over the token's chars: the folded-word hash (as {@link Hashing#hash} computes
   * it), and the shape and capitalization class. Shape maps upper to X, lower to x, digits to
   * d, other letters to L and keeps punctuation, collapsing runs longer than two; it reads at
   * most the first {@value #MAX_SHAPE_CHARS} chars.
   */
  private void analyze(int i) {
    int from = start[i];
    int len = end[i] - from;
    int wordHash = Hashing.start();
    int shapeHash = Hashing.start();
    char prev = 0;
    int run = 0;
    int upper = 0;
    int lower = 0;
    for (int k = 0; k < len; k++) {
      char c = text.charAt(from + k);
      wordHash = Hashing.step(wordHash, Hashing.fold(c));
      if (k >= MAX_SHAPE_CHARS) {
        continue;
      }
      char s;
      if (c < 128) {
        s = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd' : c;
      } else if (Character.isUpperCase(c)) {
        s = 'X';
      } else if (Character.isLowerCase(c)) {
        s = 'x';
      } else if (Character.isDigit(c)) {
        s = 'd';
      } else {
        s = Character.isLetter(c) ? 'L' : c;
      }
      upper += s == 'X' ? 1 : 0;
      lower += s == 'x' || s == 'L' ? 1 : 0;
      run = s == prev ? run + 1 : 1;
      prev = s;
      if (run <= 2) {
        shapeHash = Hashing.step(shapeHash, s);
      }
    }
    word[i] = Hashing.mix(wordHash ^ len);
    shape[i] = Hashing.mix(shapeHash);
    boolean firstUpper = len > 0 && Character.isUpperCase(text.charAt(from));
    caps[i] = capsClass(upper, lower, firstUpper);
    capsAt[i] = (byte) (caps[i] + (sentenceStart(i) ? 8 : 0));
    gaz[i] = 0;
    phrase[i] = 0;
  }

  /** Computes the prefix and suffix hashes of token {@code i}; only non-plain tokens need them. */
  void analyzeAffixes(int i) {
    int len = fold(i);
    prefix3[i] = Hashing.hash(folded, 0, Math.min(3, len));
    suffix2[i] = Hashing.hash(folded, Math.max(0, len - 2), len);
    suffix3[i] = Hashing.hash(folded, Math.max(0, len - 3), len);
    suffix4[i] = Hashing.hash(folded, Math.max(0, len - 4), len);
  }

  private static byte capsClass(int upper, int lower, boolean firstUpper) {
    if (upper == 0 && lower == 0) {
      return NO_LETTER;
    }
    if (upper == 0) {
      return LOWER;
    }
    if (firstUpper && lower == 0) {
      return upper == 1 ? INITIAL : UPPER;
    }
    return firstUpper && upper == 1 ? TITLE : MIXED;
  }
}
