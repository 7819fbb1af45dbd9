package dev.fulcrum.controlplane.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Strict reads from one decoded JSON object: every field must be present with the right type,
 * and {@link #done()} refuses fields nobody read. Failures are {@link IllegalArgumentException}s
 * naming the field, never its value.
 */
final class JsonFields {
  private final JsonNode node;
  private final String where;
  private final Set<String> read = new HashSet<>();

  JsonFields(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + " is not a JSON object");
    }
    this.node = node;
    this.where = where;
  }

  String text(String name) {
    JsonNode value = field(name);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(where + "." + name + " is not a string");
    }
    return value.textValue();
  }

  long integer(String name) {
    JsonNode value = field(name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalArgumentException(where + "." + name + " is not an integer");
    }
    return value.longValue();
  }

  List<String> texts(String name) {
    JsonNode value = field(name);
    if (!value.isArray()) {
      throw new IllegalArgumentException(where + "." + name + " is not an array");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new IllegalArgumentException(where + "." + name + " holds a non-string");
      }
      texts.add(item.textValue());
    }
    return texts;
  }

  Map<String, Long> integers(String name) {
    JsonFields inner = new JsonFields(field(name), where + "." + name);
    Map<String, Long> values = new TreeMap<>();
    for (Iterator<String> names = inner.node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      values.put(key, inner.integer(key));
    }
    return values;
  }

  JsonNode object(String name) {
    JsonNode value = field(name);
    if (!value.isObject()) {
      throw new IllegalArgumentException(where + "." + name + " is not an object");
    }
    return value;
  }

  /** Refuses any field that was not read. */
  void done() {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!read.contains(name)) {
        throw new IllegalArgumentException(where + " has an unexpected field");
      }
    }
  }

  private JsonNode field(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new IllegalArgumentException(where + "." + name + " is missing");
    }
    read.add(name);
    return value;
  }
}
