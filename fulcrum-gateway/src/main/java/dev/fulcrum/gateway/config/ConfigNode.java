package dev.fulcrum.gateway.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A position in a config document that knows its path ({@code models[2].routes[0]}) and line,
 * so every typed read can fail with a message that says where and how to fix it.
 */
final class ConfigNode {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

  private final YamlSource source;
  private final EnvInterpolator env;
  private final JsonNode json;
  private final String path;
  private final JsonPointer pointer;

  private ConfigNode(YamlSource source, EnvInterpolator env, JsonNode json, String path,
      JsonPointer pointer) {
    this.source = source;
    this.env = env;
    this.json = json;
    this.path = path;
    this.pointer = pointer;
  }

  static ConfigNode root(YamlSource source, EnvInterpolator env) {
    JsonNode root = source.root == null ? MissingNode.getInstance() : source.root;
    ConfigNode node = new ConfigNode(source, env, root, "", JsonPointer.empty());
    if (!root.isObject()) {
      throw node.error("the file must be a YAML mapping with sections such as server:, "
          + "backends:, models: and tenants:");
    }
    return node;
  }

  String path() {
    return path;
  }

  /** An error at this node: {@code FILE:LINE: PATH message}. */
  ConfigException error(String message) {
    String where = path.isEmpty() ? "" : path + " ";
    return new ConfigException(source.file + ":" + source.line(pointer) + ": " + where + message);
  }

  boolean has(String field) {
    return json.has(field) && !json.get(field).isNull();
  }

  ConfigNode field(String name) {
    String childPath = path.isEmpty() ? name : path + "." + name;
    return new ConfigNode(source, env, json.path(name), childPath,
        pointer.appendProperty(name));
  }

  /** Fails on any key not in {@code allowed}, suggesting the closest known one. */
  void allowOnly(String... allowed) {
    Set<String> known = Set.of(allowed);
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        String hint = closest(name, allowed);
        throw field(name).error("is not a known setting" + (hint == null ? "" : "; did you "
            + "mean '" + hint + "'?") + " Known here: " + String.join(", ", sorted(allowed)));
      }
    }
  }

  String string(String name) {
    ConfigNode node = requireField(name);
    return node.text();
  }

  String string(String name, String fallback) {
    return has(name) ? field(name).text() : fallback;
  }

  boolean bool(String name, boolean fallback) {
    String raw = string(name, Boolean.toString(fallback)).strip();
    return switch (raw) {
      case "true" -> true;
      case "false" -> false;
      default -> throw field(name).error("must be true or false, got '" + raw + "'");
    };
  }

  int integer(String name, int fallback, int min, int max) {
    if (!has(name)) {
      return fallback;
    }
    ConfigNode node = field(name);
    String raw = node.text();
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < min || value > max) {
        throw node.error("must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw node.error("must be a whole number, got '" + raw + "'");
    }
  }

  long longValue(String name, long fallback, long min) {
    if (!has(name)) {
      return fallback;
    }
    ConfigNode node = field(name);
    try {
      long value = Long.parseLong(node.text().strip());
      if (value < min) {
        throw node.error("must be at least " + min + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw node.error("must be a whole number, got '" + node.text() + "'");
    }
  }

  double number(String name, double fallback, double min, double max) {
    if (!has(name)) {
      return fallback;
    }
    ConfigNode node = field(name);
    try {
      double value = Double.parseDouble(node.text().strip());
      if (!(value >= min && value <= max)) {
        throw node.error("must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw node.error("must be a number, got '" + node.text() + "'");
    }
  }

  /** A duration such as {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
  Duration duration(String name, Duration fallback) {
    if (!has(name)) {
      return fallback;
    }
    ConfigNode node = field(name);
    Matcher m = DURATION.matcher(node.text().strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw node.error("must be a duration such as 250ms, 5s or 2m, got '" + node.text() + "'");
    }
    double amount = Double.parseDouble(m.group(1));
    double millis = switch (m.group(2)) {
      case "ms" -> amount;
      case "s" -> amount * 1_000;
      case "m" -> amount * 60_000;
      default -> amount * 3_600_000;
    };
    return Duration.ofNanos((long) (millis * 1_000_000));
  }

  <E extends Enum<E>> E enumeration(String name, Class<E> type, E fallback) {
    if (!has(name)) {
      return fallback;
    }
    ConfigNode node = field(name);
    String raw = node.text().strip();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(raw)) {
        return constant;
      }
    }
    throw node.error("must be one of " + Arrays.stream(type.getEnumConstants())
        .map(Enum::name).collect(Collectors.joining(", ")) + ", got '" + raw + "'");
  }

  /** The items of a list field; empty when the field is absent. */
  List<ConfigNode> list(String name) {
    if (!has(name)) {
      return List.of();
    }
    ConfigNode node = field(name);
    if (!node.json.isArray()) {
      throw node.error("must be a list (items starting with '- ')");
    }
    List<ConfigNode> items = new ArrayList<>(node.json.size());
    for (int i = 0; i < node.json.size(); i++) {
      items.add(new ConfigNode(source, env, node.json.get(i), node.path + "[" + i + "]",
          node.pointer.appendIndex(i)));
    }
    return items;
  }

  /** A mapping field; an empty mapping when absent. */
  ConfigNode object(String name) {
    ConfigNode node = field(name);
    if (node.json.isMissingNode() || node.json.isNull()) {
      return new ConfigNode(source, env, com.fasterxml.jackson.databind.node.JsonNodeFactory
          .instance.objectNode(), node.path, node.pointer);
    }
    if (!node.json.isObject()) {
      throw node.error("must be a mapping (key: value lines)");
    }
    return node;
  }

  /** This node as a mapping (for list items). */
  ConfigNode asObject(String example) {
    if (!json.isObject()) {
      throw error("must be a mapping such as " + example);
    }
    return this;
  }

  /** This scalar as text, with {@code ${ENV}} references resolved. */
  String text() {
    if (!json.isValueNode()) {
      throw error("must be a single value, not a " + (json.isArray() ? "list" : "mapping"));
    }
    return env.apply(json.asText(), variable -> error("refers to ${" + variable + "}, but that "
        + "environment variable is not set; export it or write ${" + variable + ":-default}"));
  }

  private ConfigNode requireField(String name) {
    if (!has(name)) {
      throw error("is missing the required setting '" + name + "'");
    }
    return field(name);
  }

  private static List<String> sorted(String... names) {
    return Arrays.stream(names).sorted().toList();
  }

  private static String closest(String name, String... candidates) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : candidates) {
      int d = distance(name.toLowerCase(Locale.ROOT), candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance; names are short. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
