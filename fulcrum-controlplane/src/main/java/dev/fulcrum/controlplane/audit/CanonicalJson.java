package dev.fulcrum.controlplane.audit;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes JSON in the canonical form described in {@code package-info}: sorted keys, no
 * whitespace, minimal escaping. Values are strings, {@code Long}/{@code Integer}, maps with string
 * keys, lists, and {@link Raw} (already-canonical JSON inserted verbatim).
 */
final class CanonicalJson {
  /** A fragment that is already canonical JSON. */
  record Raw(String json) {}

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    switch (value) {
      case String text -> string(out, text);
      case Long number -> out.append(number.longValue());
      case Integer number -> out.append(number.intValue());
      case Raw raw -> out.append(raw.json());
      case Map<?, ?> map -> object(out, map);
      case List<?> list -> array(out, list);
      default -> throw new IllegalArgumentException("no canonical form for "
          + value.getClass().getSimpleName());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    Map<?, ?> sorted = map instanceof SortedMap<?, ?> s && s.comparator() == null ? map
        : new TreeMap<>(map);
    for (Map.Entry<?, ?> entry : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, (String) entry.getKey());
      out.append(':');
      write(out, entry.getValue());
    }
    out.append('}');
  }

  private static void array(StringBuilder out, List<?> list) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(out, list.get(i));
    }
    out.append(']');
  }

  static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
