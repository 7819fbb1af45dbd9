package dev.fulcrum.core.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.json.Json;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A chat completion request, validated. Immutable.
 *
 * <p>Fulcrum reads {@code model}, {@code messages} and {@code stream}; every other field
 * ({@code temperature}, {@code tools}, {@code response_format}, {@code stream_options}, …) is kept
 * in {@link #options()} and reaches OpenAI-compatible upstreams unchanged. A request parsed from
 * bytes keeps them, and {@link #wireBytes()} forwards them as they came while nothing (model name,
 * messages) was rewritten. {@code toString()} never prints message text.
 */
public final class ChatRequest {
  private final String model;
  private final List<ChatMessage> messages;
  private final boolean stream;
  private final ObjectNode options;
  private final byte[] wire;

  /**
   * @param model the model alias the caller asked for
   * @param messages at least one message
   * @param stream whether the caller wants server-sent events
   * @param options the fields Fulcrum does not interpret; treated as read-only
   */
  public ChatRequest(String model, List<ChatMessage> messages, boolean stream,
      ObjectNode options) {
    this(model, messages, stream, options, null);
  }

  private ChatRequest(String model, List<ChatMessage> messages, boolean stream,
      ObjectNode options, byte[] wire) {
    this.model = Objects.requireNonNull(model, "model");
    this.messages = List.copyOf(messages);
    this.stream = stream;
    this.options = Objects.requireNonNull(options, "options");
    this.wire = wire;
    if (this.messages.isEmpty()) {
      throw new IllegalArgumentException("a chat request needs at least one message");
    }
  }

  /** A minimal request, for SDK use and tests. */
  public static ChatRequest of(String model, List<ChatMessage> messages) {
    return new ChatRequest(model, messages, false, Json.object());
  }

  /**
   * Validates an OpenAI {@code CreateChatCompletionRequest} body.
   *
   * @param body the parsed body; ownership passes to the request (it is taken apart)
   * @throws InvalidRequestException naming the first offending field and how to fix it
   */
  public static ChatRequest fromJson(ObjectNode body) {
    return ChatRequestParser.parse(body);
  }

  /**
   * Parses and validates a request body, keeping its bytes for {@link #wireBytes()}.
   *
   * @throws InvalidRequestException when the bytes are not a valid request
   */
  public static ChatRequest parse(byte[] body) {
    ChatRequest parsed = fromJson(Json.parseObject(body));
    return new ChatRequest(parsed.model, parsed.messages, parsed.stream, parsed.options, body);
  }

  public String model() {
    return model;
  }

  public List<ChatMessage> messages() {
    return messages;
  }

  public boolean stream() {
    return stream;
  }

  /** The fields Fulcrum does not interpret; do not modify. */
  public ObjectNode options() {
    return options;
  }

  /** Whether the caller asked for a final usage chunk ({@code stream_options.include_usage}). */
  public boolean includeUsage() {
    return stream && options.path("stream_options").path("include_usage").asBoolean(false);
  }

  /** {@code max_completion_tokens}, else {@code max_tokens}, when the caller set one. */
  public OptionalLong maxTokens() {
    var node = options.has("max_completion_tokens")
        ? options.get("max_completion_tokens") : options.get("max_tokens");
    return node == null || !node.canConvertToLong() ? OptionalLong.empty()
        : OptionalLong.of(node.asLong());
  }

  /** How many choices the caller wants ({@code n}, default 1). */
  public int choices() {
    return options.path("n").asInt(1);
  }

  /** The same request for an upstream that knows the model as {@code upstreamModel}. */
  public ChatRequest withModel(String upstreamModel) {
    return upstreamModel.equals(model) ? this
        : new ChatRequest(upstreamModel, messages, stream, options, null);
  }

  /** The same request with other messages (e.g. sanitized). */
  public ChatRequest withMessages(List<ChatMessage> replaced) {
    return new ChatRequest(model, replaced, stream, options, null);
  }

  /** The OpenAI wire form: a fresh tree the caller may modify. */
  public ObjectNode toJson() {
    ObjectNode node = options.deepCopy();
    node.put("model", model);
    ArrayNode array = node.putArray("messages");
    for (ChatMessage message : messages) {
      array.add(message.toJson());
    }
    if (stream) {
      node.put("stream", true);
    }
    return node;
  }

  /** The bytes to send upstream: the caller's own while unchanged, else {@link #toJson()}. */
  public byte[] wireBytes() {
    return wire != null ? wire : Json.bytes(toJson());
  }

  @Override
  public String toString() {
    return "ChatRequest[model=" + model + ", messages=" + messages.size() + ", stream=" + stream
        + ", options=" + options.size() + " fields]";
  }
}
