package dev.fulcrum.core.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fulcrum.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The texts inside the tool calls of an assistant message ({@code tool_calls[].function.arguments}
 * and the legacy {@code function_call.arguments}): the string values of each call's JSON
 * arguments, in document order, or the whole arguments string when it is not a JSON object or
 * array (models do emit broken JSON). Rewriting works on the same texts in the same order, so a
 * text's index in {@link #of} is its index in {@link #map}; a rewritten argument is serialized
 * again as compact JSON. Object keys, tool names and ids are not texts.
 */
final class ToolCallTexts {
  private ToolCallTexts() {}

  /** The texts of the tool calls in a message's other fields; empty when it has none. */
  static List<String> of(ObjectNode extra) {
    List<ObjectNode> functions = functions(extra);
    if (functions.isEmpty()) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    for (ObjectNode function : functions) {
      String arguments = function.get("arguments").asText();
      JsonNode parsed = parse(arguments);
      if (parsed == null) {
        texts.add(arguments);
      } else {
        collect(parsed, texts);
      }
    }
    return texts;
  }

  /**
   * A copy of {@code extra} with every text of its tool calls run through {@code rewrite}, or
   * {@code extra} itself when it has no tool calls.
   */
  static ObjectNode map(ObjectNode extra, UnaryOperator<String> rewrite) {
    if (functions(extra).isEmpty()) {
      return extra;
    }
    ObjectNode copy = extra.deepCopy();
    for (ObjectNode function : functions(copy)) {
      String arguments = function.get("arguments").asText();
      JsonNode parsed = parse(arguments);
      function.put("arguments", parsed == null ? rewrite.apply(arguments)
          : rewriteLeaves(parsed, rewrite).toString());
    }
    return copy;
  }

  /** The function objects of every call whose {@code arguments} is a string, in order. */
  private static List<ObjectNode> functions(ObjectNode extra) {
    if (extra.isEmpty()) {
      return List.of(); // most messages: no other fields at all
    }
    List<ObjectNode> found = new ArrayList<>();
    for (JsonNode call : extra.path("tool_calls")) {
      if (call.path("function") instanceof ObjectNode function
          && function.path("arguments").isTextual()) {
        found.add(function);
      }
    }
    if (extra.path("function_call") instanceof ObjectNode legacy
        && legacy.path("arguments").isTextual()) {
      found.add(legacy);
    }
    return found;
  }

  /** The arguments as a JSON object or array, or null when they are anything else. */
  private static JsonNode parse(String arguments) {
    try {
      JsonNode node = Json.MAPPER.readTree(arguments);
      return node != null && node.isContainerNode() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isTextual()) {
      texts.add(node.asText());
    } else {
      node.forEach(child -> collect(child, texts));
    }
  }

  private static JsonNode rewriteLeaves(JsonNode node, UnaryOperator<String> rewrite) {
    if (node.isTextual()) {
      return TextNode.valueOf(rewrite.apply(node.asText()));
    }
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, rewriteLeaves(object.get(name), rewrite));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, rewriteLeaves(array.get(i), rewrite));
      }
    }
    return node;
  }
}
