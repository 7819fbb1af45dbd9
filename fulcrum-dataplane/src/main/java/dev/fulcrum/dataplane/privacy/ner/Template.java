package dev.fulcrum.dataplane.privacy.ner;

/**
 * The feature templates: each reads a few properties of the token at position i and its
 * neighbours and yields one or more hashed features. The names are what explanations show;
 * {@code w} is the folded word, {@code shape} its character shape (Xxxx, dd, X.), {@code caps}
 * its capitalization class (with a sentence-start marker), {@code gaz} a gazetteer class.
 */
enum Template {
  BIAS("bias"),
  WORD("w"),
  WORD_PREV("w-1"),
  WORD_NEXT("w+1"),
  WORD_PREV2("w-2"),
  WORD_NEXT2("w+2"),
  LEFT_BIGRAM("w-2|w-1"),
  RIGHT_BIGRAM("w+1|w+2"),
  PREV_WORD_SHAPE("w-1|shape"),
  SHAPE_NEXT_WORD("shape|w+1"),
  SHAPE("shape"),
  SHAPE_PREV_CUR("shape-1|shape"),
  SHAPE_CUR_NEXT("shape|shape+1"),
  CAPS_TRIGRAM("caps-1|caps|caps+1"),
  PREFIX3("prefix3"),
  SUFFIX2("suffix2"),
  SUFFIX3("suffix3"),
  SUFFIX4("suffix4"),
  LENGTH_CAPS("length|caps"),
  GAZ("gaz|caps"),
  GAZ_SET("all-gaz|caps"),
  GAZ_PREV("gaz-1"),
  GAZ_NEXT("gaz+1"),
  GAZ_PREV_WORD("w-1|gaz"),
  PHRASE_BEGIN("gaz-phrase-begin|caps"),
  PHRASE_INSIDE("gaz-phrase-inside");

  private final String label;
  private final int seed;

  Template(String label) {
    this.label = label;
    this.seed = Hashing.mix(0x3C6EF372 + ordinal() * 0x9E3779B9);
  }

  String label() {
    return label;
  }

  /** The feature key for this template and a value hash. */
  int key(int value) {
    return Hashing.combine(seed, value);
  }
}
