package dev.fulcrum.gateway.cli;

/** How a found value is printed: masked (the default) or as it is ({@code --show-values}). */
enum ValueDisplay {
  /**
   * The first and last character around {@code ***}, so a person can tell findings apart without
   * reading them: {@code bob@example.com} → {@code b***m}. Values of up to four characters
   * become {@code ****}. The length of a value is not shown.
   */
  MASKED {
    @Override
    String render(String value) {
      int count = value.codePointCount(0, value.length());
      if (count <= 4) {
        return "****";
      }
      int first = value.offsetByCodePoints(0, 1);
      int last = value.offsetByCodePoints(value.length(), -1);
      return value.substring(0, first) + "***" + value.substring(last);
    }
  },
  SHOWN {
    @Override
    String render(String value) {
      return value;
    }
  };

  abstract String render(String value);

  /**
   * {@code text} on one line of a table: line breaks and tabs written as {@code \n}, {@code \r},
   * {@code \t}, other control characters as Java unicode escapes, and cut at {@code max}
   * characters (at least 2) with a trailing {@code …}.
   */
  static String oneLine(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
    for (int i = 0; i < text.length() && out.length() <= max; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c)
            : String.valueOf(c));
      }
    }
    if (out.length() <= max) {
      return out.toString();
    }
    int cut = Character.isHighSurrogate(out.charAt(max - 2)) ? max - 2 : max - 1;
    return out.substring(0, cut) + "…";
  }
}
