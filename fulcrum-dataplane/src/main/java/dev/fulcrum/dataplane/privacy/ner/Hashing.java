package dev.fulcrum.dataplane.privacy.ner;

import java.text.Normalizer;

/**
 * Stable 32-bit hashes of folded text, shared by the gazetteer, the feature templates and the
 * trainer. Folding lowercases, strips Latin diacritics and maps every digit to {@code 0}, so
 * "Zoë", "ZOE" and "zoe" hash alike, as do "221" and "907".
 */
final class Hashing {
  private static final int FOLD_TABLE_SIZE = 0x2B0;
  private static final char[] FOLD = new char[FOLD_TABLE_SIZE];

  static {
    for (char c = 0; c < FOLD_TABLE_SIZE; c++) {
      String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      char first = base.isEmpty() ? c : base.charAt(0);
      FOLD[c] = Character.toLowerCase(first < FOLD_TABLE_SIZE ? first : c);
    }
    FOLD['ß'] = 's';
    FOLD['ø'] = 'o';
    FOLD['Ø'] = 'o';
    FOLD['đ'] = 'd';
    FOLD['Đ'] = 'd';
    FOLD['ł'] = 'l';
    FOLD['Ł'] = 'l';
  }

  private Hashing() {}

  /** Lowercase, accent-free, digits as {@code 0}. */
  static char fold(char c) {
    if (c < FOLD_TABLE_SIZE) {
      return c >= '0' && c <= '9' ? '0' : FOLD[c];
    }
    if (c == '’') {
      return '\'';
    }
    return Character.isDigit(c) ? '0' : Character.toLowerCase(c);
  }

  static int start() {
    return 0x811C9DC5;
  }

  static int step(int h, char c) {
    return (h ^ c) * 0x01000193;
  }

  /** MurmurHash3's finalizer: spreads every input bit over the output. */
  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }

  /** Hash of the folded chars {@code buf[from, to)}. */
  static int hash(char[] buf, int from, int to) {
    int h = start();
    for (int i = from; i < to; i++) {
      h = step(h, buf[i]);
    }
    return mix(h ^ (to - from));
  }

  /** Order-sensitive combination of two hashes. */
  static int combine(int a, int b) {
    return mix(a * 0x9E3779B1 + b + 0x7F4A7C15);
  }
}
