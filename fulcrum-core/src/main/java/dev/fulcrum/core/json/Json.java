package dev.fulcrum.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON mapper every module shares, and the few conversions built on it.
 *
 * <p>Thread-safe. Parsing errors become {@link InvalidRequestException}s whose message names the
 * line and column but never echoes the payload.
 *
 * <p>Request bodies are read strictly ({@link #parseObject}): valid UTF-8 only, no duplicate keys,
 * nothing after the object. A request that passes the privacy scan unchanged is forwarded as its
 * own bytes, so those bytes must mean to every upstream exactly what they meant to the scan: a
 * second {@code "messages"} that Jackson would let win, or a second object after the first, would
 * otherwise carry unscanned text out of the trust zone.
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

  private static final ObjectReader REQUEST_READER = MAPPER.reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** A fresh empty object node. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * Parses a request body that must be exactly one JSON object in valid UTF-8, without duplicate
   * keys.
   *
   * @throws InvalidRequestException when the bytes are not such an object
   */
  public static ObjectNode parseObject(byte[] body) {
    int invalid = firstInvalidUtf8(body);
    if (invalid >= 0) {
      throw new InvalidRequestException("request body is not valid UTF-8 (bad byte at offset "
          + invalid + "); send JSON encoded as UTF-8");
    }
    JsonNode node;
    try {
      node = REQUEST_READER.readTree(body);
    } catch (JsonProcessingException e) {
      if (e instanceof MismatchedInputException
          && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
        throw new InvalidRequestException("request body has more after its JSON object; send "
            + "exactly one object such as {\"model\":\"…\",\"messages\":[…]}");
      }
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

  /**
   * The offset of the first byte that is not well-formed UTF-8 (RFC 3629), or -1. ASCII, what
   * most request bodies are, is skipped without a decoder; the decoder starts at the first
   * non-ASCII byte.
   */
  static int firstInvalidUtf8(byte[] bytes) {
    int start = 0;
    while (start < bytes.length && bytes[start] >= 0) {
      start++;
    }
    if (start == bytes.length) {
      return -1;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(Math.min(bytes.length, 8192) + 2);
    CoderResult result;
    do {
      out.clear();
      result = decoder.decode(in, out, true);
    } while (result.isOverflow());
    return result.isError() ? in.position() : -1;
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
