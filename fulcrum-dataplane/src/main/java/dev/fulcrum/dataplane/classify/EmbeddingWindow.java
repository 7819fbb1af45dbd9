package dev.fulcrum.dataplane.classify;

/**
 * The part of a prompt that gets embedded: its first {@code headChars} and last {@code tailChars}
 * characters. MiniLM only reads the first 128 tokens of what it is given (see
 * {@link MiniLmEmbedder}), so a window is how the classifier chooses what those tokens are: the
 * start of the prompt, where the instruction usually is, or its end, where a pasted document's
 * instruction often is. Windows also bound the cost per call: one ONNX run per window, whatever
 * the prompt's length.
 *
 * @param headChars characters kept from the start, at least 0
 * @param tailChars characters kept from the end, at least 0; the two are not both 0
 */
record EmbeddingWindow(int headChars, int tailChars) {
  static final String JOINER = " ... ";

  EmbeddingWindow {
    if (headChars < 0 || tailChars < 0 || headChars + tailChars < 1) {
      throw new IllegalArgumentException("window needs headChars, tailChars >= 0 and not both 0,"
          + " got " + headChars + ", " + tailChars);
    }
  }

  /** The first {@code chars} characters. */
  static EmbeddingWindow head(int chars) {
    return new EmbeddingWindow(chars, 0);
  }

  /** The last {@code chars} characters. */
  static EmbeddingWindow tail(int chars) {
    return new EmbeddingWindow(0, chars);
  }

  /**
   * {@code text} itself when it fits, else its head, its tail, or both joined by
   * {@value #JOINER}.
   */
  String apply(String text) {
    if (text.length() <= headChars + tailChars) {
      return text;
    }
    String head = text.substring(0, avoidSplitPair(text, headChars));
    String tail = text.substring(avoidSplitPair(text, text.length() - tailChars));
    return tailChars == 0 ? head : headChars == 0 ? tail : head + JOINER + tail;
  }

  @Override
  public String toString() {
    return tailChars == 0 ? "first " + headChars + " chars"
        : headChars == 0 ? "last " + tailChars + " chars"
        : "first " + headChars + " + last " + tailChars + " chars";
  }

  /** Moves a cut back by one when it would separate a surrogate pair. */
  private static int avoidSplitPair(String text, int cut) {
    return cut > 0 && cut < text.length() && Character.isLowSurrogate(text.charAt(cut))
        && Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
  }
}
