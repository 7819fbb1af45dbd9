package dev.fulcrum.dataplane.privacy.ner;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Computes the hashed features of one token. The hot path only writes feature keys; the
 * explanation path also records which template (and gazetteer class) each key came from so a
 * person can read why a token was tagged.
 */
final class FeatureExtractor {
  /** Upper bound on the features of one token. */
  static final int MAX_FEATURES = 24 + 6 * Gazetteer.CLASSES.length;

  private static final int BEFORE = 0x5EED0001;
  private static final int AFTER = 0x5EED0002;
  private static final int ALL_CLASSES = (1 << Gazetteer.CLASSES.length) - 1;
  /** Capitalization classes with the sentence-start marker are below this. */
  private static final int CAPS_VALUES = 16;
  private static final int MAX_LENGTH = 12;

  // Keys of the features whose value comes from a small closed set (the bias; a gazetteer class
  // alone or with a capitalization class; a length with a capitalization class), hashed once
  // here instead of for every token, where hashing was a tenth of the tagging time.
  private static final int BIAS_KEY = Template.BIAS.key(0);
  private static final int[] GAZ_PREV_KEYS = perClass(Template.GAZ_PREV, 0);
  private static final int[] GAZ_NEXT_KEYS = perClass(Template.GAZ_NEXT, 0);
  private static final int[] PHRASE_INSIDE_KEYS = perClass(Template.PHRASE_INSIDE, 0);
  /** Indexed {@code [caps][class]}. */
  private static final int[][] GAZ_KEYS = perCaps(caps -> perClass(Template.GAZ, caps));
  /** Indexed {@code [caps][class]}. */
  private static final int[][] PHRASE_BEGIN_KEYS =
      perCaps(caps -> perClass(Template.PHRASE_BEGIN, caps));
  /** Indexed {@code [caps][length]}. */
  private static final int[][] LENGTH_CAPS_KEYS = perCaps(caps -> {
    int[] keys = new int[MAX_LENGTH + 1];
    for (int length = 0; length <= MAX_LENGTH; length++) {
      keys[length] = Template.LENGTH_CAPS.key(length * 100 + caps);
    }
    return keys;
  });

  private FeatureExtractor() {}

  /**
   * Writes the feature keys of token {@code i} to {@code keys} from {@code offset} and returns
   * how many; when {@code origins} is not null, also writes {@code template.ordinal() << 8 |
   * gazetteerBit} at the same positions.
   */
  static int extract(TokenSeq s, int i, int[] keys, int offset, int[] origins) {
    Sink out = new Sink(keys, offset, origins);
    int n = s.size();
    int caps = caps(s, i);
    out.put(BIAS_KEY, Template.BIAS, 0);
    out.add(Template.WORD, s.word[i], 0);
    int prev = i > 0 ? s.word[i - 1] : BEFORE;
    int next = i + 1 < n ? s.word[i + 1] : AFTER;
    out.add(Template.WORD_PREV, prev, 0);
    out.add(Template.WORD_NEXT, next, 0);
    out.add(Template.SHAPE, Hashing.combine(s.shape[i], caps), 0);
    out.add(Template.PREV_WORD_SHAPE, Hashing.combine(prev, s.shape[i]), 0);
    out.bits(Template.GAZ_PREV, GAZ_PREV_KEYS, i > 0 ? s.gaz[i - 1] : 0);
    out.bits(Template.GAZ_NEXT, GAZ_NEXT_KEYS, i + 1 < n ? s.gaz[i + 1] : 0);
    if (plain(s, i)) {
      return out.count;
    }
    s.analyzeAffixes(i);
    int prev2 = i > 1 ? s.word[i - 2] : BEFORE;
    int next2 = i + 2 < n ? s.word[i + 2] : AFTER;
    out.add(Template.WORD_PREV2, prev2, 0);
    out.add(Template.WORD_NEXT2, next2, 0);
    out.add(Template.LEFT_BIGRAM, Hashing.combine(prev2, prev), 0);
    out.add(Template.RIGHT_BIGRAM, Hashing.combine(next, next2), 0);
    out.add(Template.SHAPE_NEXT_WORD, Hashing.combine(s.shape[i], next), 0);
    int shapePrev = i > 0 ? s.shape[i - 1] : BEFORE;
    int shapeNext = i + 1 < n ? s.shape[i + 1] : AFTER;
    out.add(Template.SHAPE_PREV_CUR, Hashing.combine(shapePrev, s.shape[i]), 0);
    out.add(Template.SHAPE_CUR_NEXT, Hashing.combine(s.shape[i], shapeNext), 0);
    int capsPrev = i > 0 ? caps(s, i - 1) : 99;
    int capsNext = i + 1 < n ? caps(s, i + 1) : 99;
    out.add(Template.CAPS_TRIGRAM, capsPrev * 10_000 + caps * 100 + capsNext, 0);
    out.add(Template.PREFIX3, s.prefix3[i], 0);
    out.add(Template.SUFFIX2, s.suffix2[i], 0);
    out.add(Template.SUFFIX3, s.suffix3[i], 0);
    out.add(Template.SUFFIX4, s.suffix4[i], 0);
    out.put(LENGTH_CAPS_KEYS[caps][Math.min(s.end[i] - s.start[i], MAX_LENGTH)],
        Template.LENGTH_CAPS, 0);
    int gaz = s.gaz[i] & ~Gazetteer.PHRASE_START;
    out.add(Template.GAZ_SET, gaz * 100 + caps, 0);
    out.bits(Template.GAZ, GAZ_KEYS[caps], gaz);
    out.bits(Template.GAZ_PREV_WORD, gaz, prev);
    out.bits(Template.PHRASE_BEGIN, PHRASE_BEGIN_KEYS[caps], s.phrase[i] & 0xFFFF);
    out.bits(Template.PHRASE_INSIDE, PHRASE_INSIDE_KEYS, s.phrase[i] >>> 16);
    return out.count;
  }

  /**
   * Whether token {@code i} is plain: no capital letter and no gazetteer class but "common
   * word", not part of a known multi-word name, and between two such uncapitalized tokens.
   * Plain tokens (most of any text, and far from any name) get only the first eight templates,
   * which keeps scoring fast; the model is trained the same way.
   */
  static boolean plain(TokenSeq s, int i) {
    return uncapitalized(s, i) && s.phrase[i] == 0
        && (s.gaz[i] & ~(Gazetteer.PHRASE_START | Gazetteer.WORD)) == 0
        && (i == 0 || uncapitalized(s, i - 1)) && (i + 1 == s.size() || uncapitalized(s, i + 1));
  }

  private static boolean uncapitalized(TokenSeq s, int i) {
    byte c = s.caps[i];
    return c == TokenSeq.LOWER || c == TokenSeq.NO_LETTER;
  }

  /** Capitalization class, plus 8 at the start of a sentence or line. */
  static int caps(TokenSeq s, int i) {
    return s.capsAt[i];
  }

  /** Keys of template {@code t} for each gazetteer class conjoined with {@code context}. */
  private static int[] perClass(Template t, int context) {
    int[] keys = new int[Gazetteer.CLASSES.length];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = t.key(Hashing.combine(k, context));
    }
    return keys;
  }

  private static int[][] perCaps(IntFunction<int[]> keys) {
    int[][] table = new int[CAPS_VALUES][];
    for (int caps = 0; caps < CAPS_VALUES; caps++) {
      table[caps] = keys.apply(caps);
    }
    return table;
  }

  /** A readable name for a feature recorded with {@code origin}, for explanations. */
  static String describe(TokenSeq s, int i, int origin) {
    Template t = Template.values()[origin >>> 8];
    int bit = origin & 0xFF;
    String gazClass = bit > 0 && bit <= Gazetteer.CLASSES.length ? Gazetteer.CLASSES[bit - 1] : "";
    return switch (t) {
      case BIAS -> "bias";
      case WORD -> "w=" + s.foldedSurface(i);
      case WORD_PREV -> "w-1=" + word(s, i - 1);
      case WORD_NEXT -> "w+1=" + word(s, i + 1);
      case WORD_PREV2 -> "w-2=" + word(s, i - 2);
      case WORD_NEXT2 -> "w+2=" + word(s, i + 2);
      case LEFT_BIGRAM -> "w-2|w-1=" + word(s, i - 2) + " " + word(s, i - 1);
      case RIGHT_BIGRAM -> "w+1|w+2=" + word(s, i + 1) + " " + word(s, i + 2);
      case PREV_WORD_SHAPE -> "w-1|shape=" + word(s, i - 1) + " " + shape(s, i);
      case SHAPE_NEXT_WORD -> "shape|w+1=" + shape(s, i) + " " + word(s, i + 1);
      case SHAPE -> "shape|caps=" + shape(s, i) + " " + capsName(s, i);
      case SHAPE_PREV_CUR -> "shape-1|shape=" + shape(s, i - 1) + " " + shape(s, i);
      case SHAPE_CUR_NEXT -> "shape|shape+1=" + shape(s, i) + " " + shape(s, i + 1);
      case CAPS_TRIGRAM -> "caps-1|caps|caps+1=" + capsName(s, i - 1) + " " + capsName(s, i)
          + " " + capsName(s, i + 1);
      case PREFIX3, SUFFIX2, SUFFIX3, SUFFIX4 -> t.label() + " of " + s.foldedSurface(i);
      case LENGTH_CAPS -> "length|caps=" + (s.end[i] - s.start[i]) + " " + capsName(s, i);
      case GAZ_SET -> "all-gaz|caps=" + gazNames(s.gaz[i]) + " " + capsName(s, i);
      case GAZ -> "gaz|caps=" + gazClass + " " + capsName(s, i);
      case GAZ_PREV -> "gaz-1=" + gazClass;
      case GAZ_NEXT -> "gaz+1=" + gazClass;
      case GAZ_PREV_WORD -> "w-1|gaz=" + word(s, i - 1) + " " + gazClass;
      case PHRASE_BEGIN -> "gaz-phrase-begin|caps=" + gazClass + " " + capsName(s, i);
      case PHRASE_INSIDE -> "gaz-phrase-inside=" + gazClass;
    };
  }

  private static String word(TokenSeq s, int i) {
    if (i < 0) {
      return "<start>";
    }
    return i >= s.size() ? "<end>" : s.foldedSurface(i);
  }

  private static String shape(TokenSeq s, int i) {
    if (i < 0 || i >= s.size()) {
      return i < 0 ? "<start>" : "<end>";
    }
    StringBuilder b = new StringBuilder();
    for (char c : s.surface(i).toCharArray()) {
      char x = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x'
          : Character.isDigit(c) ? 'd' : Character.isLetter(c) ? 'L' : c;
      int len = b.length();
      if (len < 2 || b.charAt(len - 1) != x || b.charAt(len - 2) != x) {
        b.append(x);
      }
    }
    return b.toString();
  }

  private static String capsName(TokenSeq s, int i) {
    if (i < 0 || i >= s.size()) {
      return "none";
    }
    String name = switch (s.caps[i]) {
      case TokenSeq.LOWER -> "lower";
      case TokenSeq.TITLE -> "Title";
      case TokenSeq.UPPER -> "UPPER";
      case TokenSeq.INITIAL -> "Initial";
      case TokenSeq.NO_LETTER -> "no-letter";
      default -> "mIxed";
    };
    return s.sentenceStart(i) ? name + "@sentence-start" : name;
  }

  private static String gazNames(int bits) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < Gazetteer.CLASSES.length; k++) {
      if ((bits & (1 << k)) != 0) {
        b.append(b.isEmpty() ? "" : "+").append(Gazetteer.CLASSES[k].toLowerCase(Locale.ROOT));
      }
    }
    return b.isEmpty() ? "none" : b.toString();
  }

  /** Writes keys (and origins) into the caller's arrays. */
  private static final class Sink {
    private final int[] keys;
    private final int[] origins;
    private final int offset;
    int count;

    Sink(int[] keys, int offset, int[] origins) {
      this.keys = keys;
      this.offset = offset;
      this.origins = origins;
    }

    void add(Template t, int value, int gazBit) {
      put(t.key(value), t, gazBit);
    }

    /** Adds a feature whose key {@code t} has already made. */
    void put(int key, Template t, int gazBit) {
      keys[offset + count] = key;
      if (origins != null) {
        origins[offset + count] = t.ordinal() << 8 | gazBit;
      }
      count++;
    }

    /** One feature per set gazetteer bit, each conjoined with {@code context}. */
    void bits(Template t, int classes, int context) {
      for (int rest = classes & ALL_CLASSES; rest != 0; rest &= rest - 1) {
        int k = Integer.numberOfTrailingZeros(rest);
        add(t, Hashing.combine(k, context), k + 1);
      }
    }

    /** Like {@link #bits(Template, int, int)}, with the key per class already made. */
    void bits(Template t, int[] keyPerClass, int classes) {
      for (int rest = classes & ALL_CLASSES; rest != 0; rest &= rest - 1) {
        int k = Integer.numberOfTrailingZeros(rest);
        put(keyPerClass[k], t, k + 1);
      }
    }
  }
}
