package dev.fulcrum.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapper every module shares, and the few conversions built on it.
 *
 * <p>Thread-safe. Parsing errors become {@link InvalidRequestException}s whose message names the
 * line and column but never echoes the payload.
 */
public final class Json {
  /** Nesting deeper than this is refused; real chat payloads stay in single digits. */
  public static final int MAX_NESTING_DEPTH = 64;

  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
  }

  private Json() {}

  /** A fresh empty object node. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * Parses a request body that must be one JSON object.
   *
   * @throws InvalidRequestException when the bytes are not a JSON object
   */
  public static ObjectNode parseObject(byte[] body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new InvalidRequestException("request body is not valid JSON" + where
          + ": " + describe(e) + "; send a JSON object such as {\"model\":\"…\",\"messages\":[…]}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || !node.isObject()) {
      throw new InvalidRequestException("request body must be a JSON object, got "
          + (node == null || node.isMissingNode() || body.length == 0 ? "nothing"
              : kind(node)));
    }
    return (ObjectNode) node;
  }

  /** Serializes a tree to UTF-8 bytes. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }

  /** A human word for a node's JSON type, for error messages ("string", "array", …). */
  public static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
      case BINARY -> "binary data";
    };
  }

  private static String describe(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    if (original == null) {
      return "unreadable input";
    }
    // Jackson quotes offending tokens from the payload; keep its first line, which names the
    // problem, with every quoted fragment elided so payload text never reaches the reply.
    return original.split("\n", 2)[0].replaceAll("'[^']*'", "…").strip();
  }
}
