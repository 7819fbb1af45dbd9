package dev.fulcrum.core.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Validates the fields of a chat request that Fulcrum interprets or can cheaply type-check. */
final class ChatRequestParser {
  private ChatRequestParser() {}

  /** Type checks for common pass-through fields, so callers hear about mistakes from us. */
  private static final Map<String, FieldType> OPTION_TYPES = Map.ofEntries(
      Map.entry("temperature", FieldType.NUMBER),
      Map.entry("top_p", FieldType.NUMBER),
      Map.entry("presence_penalty", FieldType.NUMBER),
      Map.entry("frequency_penalty", FieldType.NUMBER),
      Map.entry("n", FieldType.POSITIVE_INTEGER),
      Map.entry("max_tokens", FieldType.POSITIVE_INTEGER),
      Map.entry("max_completion_tokens", FieldType.POSITIVE_INTEGER),
      Map.entry("seed", FieldType.INTEGER),
      Map.entry("user", FieldType.STRING),
      Map.entry("stream_options", FieldType.OBJECT),
      Map.entry("response_format", FieldType.OBJECT),
      Map.entry("tools", FieldType.ARRAY),
      Map.entry("logit_bias", FieldType.OBJECT),
      Map.entry("metadata", FieldType.OBJECT));

  private enum FieldType {
    NUMBER("a number") {
      boolean accepts(JsonNode n) {
        return n.isNumber();
      }
    },
    INTEGER("an integer") {
      boolean accepts(JsonNode n) {
        return n.isIntegralNumber();
      }
    },
    POSITIVE_INTEGER("a positive integer") {
      boolean accepts(JsonNode n) {
        return n.isIntegralNumber() && n.asLong() > 0;
      }
    },
    STRING("a string") {
      boolean accepts(JsonNode n) {
        return n.isTextual();
      }
    },
    OBJECT("an object") {
      boolean accepts(JsonNode n) {
        return n.isObject();
      }
    },
    ARRAY("an array") {
      boolean accepts(JsonNode n) {
        return n.isArray();
      }
    };

    final String description;

    FieldType(String description) {
      this.description = description;
    }

    abstract boolean accepts(JsonNode node);
  }

  static ChatRequest parse(ObjectNode body) {
    String model = requireModel(body.remove("model"));
    List<ChatMessage> messages = parseMessages(body.remove("messages"));
    boolean stream = parseStream(body.remove("stream"));
    checkOptions(body, stream);
    return new ChatRequest(model, messages, stream, body);
  }

  static String requireModel(JsonNode model) {
    if (model == null || model.isNull()) {
      throw new InvalidRequestException("missing required field 'model'; name one of the models "
          + "listed by GET /v1/models", "model");
    }
    if (!model.isTextual() || model.asText().isBlank()) {
      throw new InvalidRequestException("'model' must be a non-empty string, got "
          + Json.kind(model), "model");
    }
    return model.asText();
  }

  private static List<ChatMessage> parseMessages(JsonNode messages) {
    if (messages == null || messages.isNull()) {
      throw new InvalidRequestException("missing required field 'messages'; send an array such "
          + "as [{\"role\":\"user\",\"content\":\"Hello\"}]", "messages");
    }
    if (!messages.isArray()) {
      throw new InvalidRequestException("'messages' must be an array, got " + Json.kind(messages),
          "messages");
    }
    if (messages.isEmpty()) {
      throw new InvalidRequestException("'messages' must contain at least one message",
          "messages");
    }
    List<ChatMessage> parsed = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      parsed.add(parseMessage(messages.get(i), "messages[" + i + "]"));
    }
    return parsed;
  }

  private static ChatMessage parseMessage(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new InvalidRequestException(path + " must be an object with 'role' and 'content', got "
          + Json.kind(node), path);
    }
    ObjectNode extra = (ObjectNode) node; // the body is ours: take it apart in place
    JsonNode role = extra.remove("role");
    if (role == null || !role.isTextual()) {
      throw new InvalidRequestException(path + ".role is required and must be one of "
          + String.join(", ", sortedRoles()), path + ".role");
    }
    if (!ChatMessage.ROLES.contains(role.asText())) {
      throw new InvalidRequestException(path + ".role '" + abbreviate(role.asText())
          + "' is not a known role; use one of " + String.join(", ", sortedRoles()),
          path + ".role");
    }
    MessageContent content = parseContent(extra.remove("content"), path + ".content");
    return new ChatMessage(role.asText(), content, extra);
  }

  private static MessageContent parseContent(JsonNode content, String path) {
    if (content == null || content.isNull()) {
      return new MessageContent.Absent();
    }
    if (content.isTextual()) {
      return new MessageContent.Text(content.asText());
    }
    if (!content.isArray()) {
      throw new InvalidRequestException(path + " must be a string or an array of parts, got "
          + Json.kind(content), path);
    }
    List<ContentPart> parts = new ArrayList<>(content.size());
    for (int i = 0; i < content.size(); i++) {
      parts.add(parsePart(content.get(i), path + "[" + i + "]"));
    }
    return new MessageContent.Parts(parts);
  }

  private static ContentPart parsePart(JsonNode part, String path) {
    if (!part.isObject()) {
      throw new InvalidRequestException(path + " must be an object such as "
          + "{\"type\":\"text\",\"text\":\"…\"}, got " + Json.kind(part), path);
    }
    JsonNode type = part.get("type");
    if (type == null || !type.isTextual()) {
      throw new InvalidRequestException(path + ".type is required (text, image_url, "
          + "input_audio, file)", path + ".type");
    }
    if (!type.asText().equals("text")) {
      return new ContentPart.Opaque(type.asText(), (ObjectNode) part);
    }
    JsonNode text = part.get("text");
    if (text == null || !text.isTextual()) {
      throw new InvalidRequestException(path + ".text must be a string for a part of type "
          + "'text'", path + ".text");
    }
    return new ContentPart.Text(text.asText());
  }

  private static boolean parseStream(JsonNode stream) {
    if (stream == null || stream.isNull()) {
      return false;
    }
    if (!stream.isBoolean()) {
      throw new InvalidRequestException("'stream' must be true or false, got " + Json.kind(stream),
          "stream");
    }
    return stream.asBoolean();
  }

  private static void checkOptions(ObjectNode options, boolean stream) {
    for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      FieldType type = OPTION_TYPES.get(field.getKey());
      if (type != null && !field.getValue().isNull() && !type.accepts(field.getValue())) {
        throw new InvalidRequestException("'" + field.getKey() + "' must be " + type.description
            + ", got " + Json.kind(field.getValue()), field.getKey());
      }
    }
    if (!stream && options.hasNonNull("stream_options")) {
      throw new InvalidRequestException("'stream_options' is only allowed when 'stream' is true",
          "stream_options");
    }
  }

  private static List<String> sortedRoles() {
    return ChatMessage.ROLES.stream().sorted().toList();
  }

  /** Echoes at most a short prefix of a caller's value, so payloads never fill an error. */
  static String abbreviate(String value) {
    return value.length() <= 32 ? value : value.substring(0, 32) + "…";
  }
}
