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
 * not know are kept. The tree is never mutated after construction.
 */
public record ChatResponse(ObjectNode json) {
  public ChatResponse {
    Objects.requireNonNull(json, "json");
  }

  /**
   * Takes ownership of an upstream response and normalizes it in place.
   *
   * @param fallbackModel the model name to report when the upstream omitted it
   */
  public static ChatResponse fromJson(ObjectNode json, String fallbackModel) {
    WireDefaults.completion(json, "chat.completion", fallbackModel);
    for (JsonNode choice : json.withArray("choices")) {
      if (choice instanceof ObjectNode c) {
        WireDefaults.putIfAbsent(c, "logprobs");
        if (!c.hasNonNull("finish_reason")) {
          c.put("finish_reason", "stop");
        }
        ObjectNode message = c.withObject("message");
        if (!message.has("role")) {
          message.put("role", "assistant");
        }
        WireDefaults.putIfAbsent(message, "content");
        WireDefaults.putIfAbsent(message, "refusal");
      }
    }
    return new ChatResponse(json);
  }

  /** Token usage, when the backend reported it. */
  public Optional<Usage> usage() {
    return Usage.fromJson(json.get("usage"));
  }

  /** A copy with every {@code choices[].message.content} rewritten. */
  public ChatResponse mapContent(UnaryOperator<String> rewrite) {
    ObjectNode copy = json.deepCopy();
    for (JsonNode choice : copy.withArray("choices")) {
      JsonNode message = choice.path("message");
      if (message instanceof ObjectNode m && m.path("content").isTextual()) {
        m.put("content", rewrite.apply(m.get("content").asText()));
      }
    }
    return new ChatResponse(copy);
  }

  public byte[] toBytes() {
    return Json.bytes(json);
  }

  @Override
  public String toString() {
    return "ChatResponse[id=" + json.path("id").asText() + ", choices="
        + json.path("choices").size() + "]";
  }
}
