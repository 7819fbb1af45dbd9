package dev.fulcrum.core.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A complete (non-streaming) chat completion in the OpenAI wire form.
 *
 * <p>Built with {@link #fromJson}, which fills the fields the OpenAI spec requires but some
 * upstreams omit ({@code choices[].logprobs}, {@code message.refusal}, …), so whatever the
 * backend, the caller receives a response that validates against the spec. Fields Fulcrum does
 * not know are kept. When nothing had to change, the upstream's bytes are forwarded as they
 * came. Immutable: the tree is never mutated after construction.
 */
public final class ChatResponse {
  private final ObjectNode json;
  private final byte[] wire;

  private ChatResponse(ObjectNode json, byte[] wire) {
    this.json = Objects.requireNonNull(json, "json");
    this.wire = wire;
  }

  /**
   * Takes ownership of an upstream response and normalizes it in place.
   *
   * @param fallbackModel the model name to report when the upstream omitted it
   */
  public static ChatResponse fromJson(ObjectNode json, String fallbackModel) {
    normalize(json, fallbackModel);
    return new ChatResponse(json, null);
  }

  /**
   * Like {@link #fromJson}, keeping {@code wire} (the bytes {@code json} was parsed from) to
   * forward unchanged when normalization added nothing.
   */
  public static ChatResponse fromWire(ObjectNode json, byte[] wire, String fallbackModel) {
    return new ChatResponse(json, normalize(json, fallbackModel) ? null : wire);
  }

  private static boolean normalize(ObjectNode json, String fallbackModel) {
    boolean changed = WireDefaults.completion(json, "chat.completion", fallbackModel);
    for (JsonNode choice : json.withArray("choices")) {
      if (choice instanceof ObjectNode c) {
        changed |= WireDefaults.putIfAbsent(c, "logprobs");
        if (!c.hasNonNull("finish_reason")) {
          c.put("finish_reason", "stop");
          changed = true;
        }
        if (!(c.get("message") instanceof ObjectNode)) {
          c.putObject("message");
          changed = true;
        }
        ObjectNode message = (ObjectNode) c.get("message");
        if (!message.has("role")) {
          message.put("role", "assistant");
          changed = true;
        }
        changed |= WireDefaults.putIfAbsent(message, "content");
        changed |= WireDefaults.putIfAbsent(message, "refusal");
      }
    }
    return changed;
  }

  /** The response as a tree; do not modify it. */
  public ObjectNode json() {
    return json;
  }

  /** Token usage, when the backend reported it. */
  public Optional<Usage> usage() {
    return Usage.fromJson(json.get("usage"));
  }

  /**
   * A copy with the model's text rewritten: every {@code choices[].message.content} by {@code
   * content}, and the JSON {@code arguments} of every {@code message.tool_calls[].function} (and
   * of the legacy {@code message.function_call}) by {@code arguments}.
   */
  public ChatResponse mapText(UnaryOperator<String> content, UnaryOperator<String> arguments) {
    ObjectNode copy = json.deepCopy();
    for (JsonNode choice : copy.withArray("choices")) {
      if (!(choice.path("message") instanceof ObjectNode message)) {
        continue;
      }
      rewrite(message, "content", content);
      for (JsonNode call : message.path("tool_calls")) {
        if (call.path("function") instanceof ObjectNode function) {
          rewrite(function, "arguments", arguments);
        }
      }
      if (message.path("function_call") instanceof ObjectNode function) {
        rewrite(function, "arguments", arguments);
      }
    }
    return new ChatResponse(copy, null);
  }

  private static void rewrite(ObjectNode node, String field, UnaryOperator<String> rewrite) {
    if (node.path(field).isTextual()) {
      node.put(field, rewrite.apply(node.get(field).asText()));
    }
  }

  /** The wire form: the upstream's own bytes when unchanged, else a fresh serialization. */
  public byte[] toBytes() {
    return wire != null ? wire : Json.bytes(json);
  }

  @Override
  public String toString() {
    return "ChatResponse[id=" + json.path("id").asText() + ", choices="
        + json.path("choices").size() + "]";
  }
}
