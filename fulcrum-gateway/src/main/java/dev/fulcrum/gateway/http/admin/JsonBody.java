package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.core.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A JSON object from a request body (or nested in one), read field by field. Every problem is a
 * {@link BadRequestException} naming the field's full path ({@code policy.guards.error_rate}) and
 * what to send instead. Immutable.
 */
final class JsonBody {
  private final JsonNode node;
  private final String path;

  private JsonBody(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** Parses a request body; an empty body reads as {@code {}}. */
  static JsonBody parse(byte[] bytes) {
    if (bytes.length == 0) {
      return new JsonBody(Json.object(), "");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new BadRequestException(null, "the request body is not valid JSON; send a JSON "
          + "object with content-type application/json");
    }
    if (node == null || !node.isObject()) {
      throw new BadRequestException(null, "the request body must be a JSON object");
    }
    return new JsonBody(node, "");
  }

  /** An object nested in a body, read with {@code path} as the prefix of its fields' paths. */
  static JsonBody of(JsonNode node, String path) {
    return new JsonBody(node, path);
  }

  /** This object's own path in the request body; empty for the body itself. */
  String path() {
    return path;
  }

  JsonNode node() {
    return node;
  }

  boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  /** The full path of {@code field}, for messages. */
  String pathOf(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** A required non-blank string. */
  String text(String field, String example) {
    return optionalText(field).orElseThrow(() -> missing(field, example));
  }

  Optional<String> optionalText(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new BadRequestException(pathOf(field), "'" + pathOf(field) + "' must be a "
          + "non-empty string, got " + describe(value));
    }
    return Optional.of(value.asText());
  }

  /** A required number within {@code [min, max]}. */
  double number(String field, double min, double max, String example) {
    return optionalNumber(field, min, max).orElseThrow(() -> missing(field, example));
  }

  Optional<Double> optionalNumber(String field, double min, double max) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isNumber() || !(value.asDouble() >= min && value.asDouble() <= max)) {
      throw new BadRequestException(pathOf(field), "'" + pathOf(field) + "' must be a number "
          + "within " + plain(min) + "-" + plain(max) + ", got " + describe(value));
    }
    return Optional.of(value.asDouble());
  }

  Optional<Long> optionalInteger(String field, long min, long max) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      throw new BadRequestException(pathOf(field), "'" + pathOf(field) + "' must be a whole "
          + "number within " + min + "-" + max + ", got " + describe(value));
    }
    return Optional.of(value.asLong());
  }

  boolean bool(String field, String example) {
    return optionalBool(field).orElseThrow(() -> missing(field, example));
  }

  Optional<Boolean> optionalBool(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      throw new BadRequestException(pathOf(field), "'" + pathOf(field) + "' must be true or "
          + "false, got " + describe(value));
    }
    return Optional.of(value.asBoolean());
  }

  /** A duration written {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601. */
  Optional<Duration> optionalDuration(String field) {
    return optionalText(field).map(text -> Durations.parse(text).orElseThrow(() ->
        new BadRequestException(pathOf(field), "'" + pathOf(field) + "' must be a duration "
            + "such as \"250ms\", \"30s\", \"5m\" or \"1h\", got \"" + text + "\"")));
  }

  JsonBody object(String field, String example) {
    return optionalObject(field).orElseThrow(() -> missing(field, example));
  }

  Optional<JsonBody> optionalObject(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isObject()) {
      throw new BadRequestException(pathOf(field), "'" + pathOf(field) + "' must be a JSON "
          + "object, got " + describe(value));
    }
    return Optional.of(new JsonBody(value, pathOf(field)));
  }

  /** Who makes this change and why, from {@code by} and {@code reason}; both required. */
  Change change() {
    String by = text("by", "\"by\": \"alice@example.com\" (who makes the change)");
    String reason = text("reason", "\"reason\": \"…\" (why; shown in every history)");
    if (by.length() > Change.MAX_LENGTH || reason.length() > Change.MAX_LENGTH) {
      throw new BadRequestException(by.length() > Change.MAX_LENGTH ? "by" : "reason",
          "'by' and 'reason' are limited to " + Change.MAX_LENGTH + " characters");
    }
    return Change.by(by, reason);
  }

  BadRequestException missing(String field, String example) {
    return new BadRequestException(pathOf(field), "'" + pathOf(field) + "' is missing; send "
        + example);
  }

  private static String describe(JsonNode value) {
    JsonNodeType type = value.getNodeType();
    return switch (type) {
      case STRING -> "a string";
      case NUMBER -> value.asText();
      case BOOLEAN -> value.asText();
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> type.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
