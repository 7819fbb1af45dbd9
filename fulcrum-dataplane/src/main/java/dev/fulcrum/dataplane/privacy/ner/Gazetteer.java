package dev.fulcrum.dataplane.privacy.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Lists of known names, places and words, as a hash set of folded tokens and token sequences
 * mapped to class bits. Loaded once from {@code gazetteer.tsv.gz} (lines {@code CLASS<TAB>entry});
 * immutable afterwards. {@link KnownNames} keeps its own, smaller table of this kind.
 */
final class Gazetteer {
  /** Class names in bit order; the model's feature templates refer to these bits. */
  static final String[] CLASSES = {"FIRST", "LAST", "CITY", "STATE", "COUNTRY", "STREET_SUFFIX",
      "STREET", "ORG_SUFFIX", "TITLE", "NRP", "MONTH_DAY", "WORD", "BRAND", "COMMON_CAP"};
  /** Set on a single token that starts some multi-token entry. */
  static final int PHRASE_START = 1 << CLASSES.length;
  static final int MAX_PHRASE = 5;

  /**
   * Open addressing: slot {@code s} holds key {@code << 32 | classes}, key 0 meaning empty. Key
   * and value share one long so a lookup that hits touches one cache line, not two.
   */
  private final long[] table;
  private final int mask;

  private Gazetteer(int[] keys, int[] values) {
    this.table = new long[keys.length];
    for (int slot = 0; slot < keys.length; slot++) {
      table[slot] = (long) keys[slot] << 32 | (values[slot] & 0xFFFFFFFFL);
    }
    this.mask = keys.length - 1;
  }

  static final int WORD = bit("WORD");

  static int bit(String className) {
    for (int i = 0; i < CLASSES.length; i++) {
      if (CLASSES[i].equals(className)) {
        return 1 << i;
      }
    }
    return 0;
  }

  /** Class bits of a folded token or token-sequence hash; 0 when unknown. */
  int lookup(int hash) {
    int key = hash == 0 ? 1 : hash;
    for (int slot = Hashing.mix(key) & mask; ; slot = (slot + 1) & mask) {
      long entry = table[slot];
      int k = (int) (entry >>> 32);
      if (k == key) {
        return (int) entry;
      }
      if (k == 0) {
        return 0;
      }
    }
  }

  /**
   * Sets {@code seq.gaz} and {@code seq.phrase} for every token of the segment. First touches
   * every token's slot, for the same reason as {@link Model#prefetch}; returns what it read, for
   * the caller to keep.
   */
  long annotate(TokenSeq seq) {
    int n = seq.size();
    long touched = 0;
    for (int i = 0; i < n; i++) {
      touched += table[Hashing.mix(seq.word[i] == 0 ? 1 : seq.word[i]) & mask];
    }
    for (int i = 0; i < n; i++) {
      seq.gaz[i] = lookup(seq.word[i]);
    }
    for (int i = 0; i < n; i++) {
      if ((seq.gaz[i] & PHRASE_START) != 0) {
        matchPhrase(seq, i);
      }
    }
    return touched;
  }

  private void matchPhrase(TokenSeq seq, int i) {
    int h = seq.word[i];
    int limit = Math.min(seq.size(), i + MAX_PHRASE);
    for (int j = i + 1; j < limit; j++) {
      h = Hashing.combine(h, seq.word[j]);
      int classes = lookup(h) & ~PHRASE_START;
      if (classes != 0) {
        seq.phrase[i] |= classes;
        for (int k = i + 1; k <= j; k++) {
          seq.phrase[k] |= classes << 16;
        }
      }
    }
  }

  static Gazetteer read(InputStream gz) throws IOException {
    Builder builder = new Builder();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          builder.add(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    }
    return builder.build();
  }

  /**
   * Collects entries; tokenizes each exactly as the recognizer tokenizes text. An entry added
   * twice gets the union of its bits.
   */
  static final class Builder {
    private int[] keys;
    private int[] values;
    private int count;
    private final TokenSeq seq = new TokenSeq(64);

    Builder() {
      this(1 << 16);
    }

    /** A builder whose table starts with {@code slots} slots, a power of two. */
    Builder(int slots) {
      keys = new int[slots];
      values = new int[slots];
    }

    void add(String className, String entry) {
      add(bit(className), entry);
    }

    /**
     * Adds {@code entry} with arbitrary {@code bits} below {@link #PHRASE_START}, for tables
     * that are not the shipped gazetteer; does nothing when {@code bits} is 0.
     */
    void add(int bits, String entry) {
      int bit = bits & (PHRASE_START - 1);
      if (bit == 0) {
        return;
      }
      Tokenizer.next(entry, 0, seq);
      int n = seq.size();
      if (n == 0 || n > MAX_PHRASE) {
        return;
      }
      if (n == 1) {
        put(seq.word[0], bit);
        return;
      }
      int h = seq.word[0];
      for (int j = 1; j < n; j++) {
        h = Hashing.combine(h, seq.word[j]);
      }
      put(h, bit);
      put(seq.word[0], PHRASE_START);
    }

    private void put(int hash, int bits) {
      if (count * 2 >= keys.length) {
        grow();
      }
      int key = hash == 0 ? 1 : hash;
      int m = keys.length - 1;
      for (int slot = Hashing.mix(key) & m; ; slot = (slot + 1) & m) {
        if (keys[slot] == key) {
          values[slot] |= bits;
          return;
        }
        if (keys[slot] == 0) {
          keys[slot] = key;
          values[slot] = bits;
          count++;
          return;
        }
      }
    }

    private void grow() {
      int[] oldKeys = keys;
      int[] oldValues = values;
      keys = new int[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      count = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != 0) {
          put(oldKeys[i], oldValues[i]);
        }
      }
    }

    Gazetteer build() {
      return new Gazetteer(keys, values);
    }
  }
}
