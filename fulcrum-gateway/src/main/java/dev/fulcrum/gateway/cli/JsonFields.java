package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Which string values of a JSON line {@code pii scan} reads ({@code --field}), and their paths.
 *
 * <p>A path joins object keys with dots and writes array positions in brackets:
 * {@code messages[0].content}; a line that is itself a string has the empty path. A
 * {@code --field} path selects the value there and everything nested below it. Array positions
 * may be left out of it to mean every element ({@code messages.content} selects
 * {@code messages[0].content} and {@code messages[1].content}), or written to mean one
 * ({@code messages[1].content}). Keys that contain dots or brackets cannot be told apart from
 * nesting. Numbers, booleans and nulls are never scanned.
 */
final class JsonFields {
  private final List<String> selected;

  private JsonFields(List<String> selected) {
    this.selected = selected;
  }

  /** Every string value of a line. */
  static JsonFields all() {
    return new JsonFields(List.of());
  }

  /** The string values at or below these paths; all of them when the list is empty. */
  static JsonFields of(List<String> paths) {
    for (String path : paths) {
      if (path.isBlank() || path.startsWith(".") || path.endsWith(".")) {
        throw new IllegalArgumentException("--field '" + path + "' is not a path; write keys "
            + "joined by dots, such as prompt or messages.content");
      }
    }
    return new JsonFields(List.copyOf(paths));
  }

  /** Calls {@code visit} with the path and text of each selected string, in document order. */
  void forEach(JsonNode line, BiConsumer<String, String> visit) {
    walk(line, "", "", visit);
  }

  /** {@code generic} is {@code path} without array positions. */
  private void walk(JsonNode node, String path, String generic, BiConsumer<String, String> visit) {
    if (node.isTextual()) {
      if (selects(path, generic)) {
        visit.accept(path, node.textValue());
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", generic, visit);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        walk(field.getValue(), join(path, field.getKey()), join(generic, field.getKey()), visit);
      }
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private boolean selects(String path, String generic) {
    if (selected.isEmpty()) {
      return true;
    }
    for (String wanted : selected) {
      if (within(path, wanted) || within(generic, wanted)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code path} is {@code wanted} or nested below it. */
  private static boolean within(String path, String wanted) {
    if (!path.startsWith(wanted)) {
      return false;
    }
    if (path.length() == wanted.length()) {
      return true;
    }
    char next = path.charAt(wanted.length());
    return next == '.' || next == '[';
  }
}
