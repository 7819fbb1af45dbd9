package dev.fulcrum.core.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.json.Json;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A chat completion request, validated.
 *
 * <p>Fulcrum reads {@code model}, {@code messages} and {@code stream}; every other field
 * ({@code temperature}, {@code tools}, {@code response_format}, {@code stream_options}, …) is kept
 * in {@link #options()} and reaches OpenAI-compatible upstreams unchanged. {@code toString()}
 * never prints message text.
 *
 * @param model the model alias the caller asked for
 * @param messages at least one message
 * @param stream whether the caller wants server-sent events
 * @param options the fields Fulcrum does not interpret; treated as read-only
 */
public record ChatRequest(String model, List<ChatMessage> messages, boolean stream,
    ObjectNode options) {

  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    Objects.requireNonNull(options, "options");
    if (messages.isEmpty()) {
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

  public ChatRequest withModel(String upstreamModel) {
    return new ChatRequest(upstreamModel, messages, stream, options);
  }

  public ChatRequest withMessages(List<ChatMessage> replaced) {
    return new ChatRequest(model, replaced, stream, options);
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

  @Override
  public String toString() {
    return "ChatRequest[model=" + model + ", messages=" + messages.size() + ", stream=" + stream
        + ", options=" + options.size() + " fields]";
  }
}
