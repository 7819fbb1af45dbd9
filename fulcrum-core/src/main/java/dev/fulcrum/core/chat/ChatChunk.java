package dev.fulcrum.core.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code chat.completion.chunk} of a streamed answer, in the OpenAI wire form, normalized so
 * it validates against the spec ({@code choices[].finish_reason} present, nullable). When
 * nothing had to change, the upstream's bytes are forwarded as they came. Immutable.
 */
public final class ChatChunk {
  private final ObjectNode json;
  private final byte[] wire;

  private ChatChunk(ObjectNode json, byte[] wire) {
    this.json = Objects.requireNonNull(json, "json");
    this.wire = wire;
  }

  /** A chunk built by Fulcrum itself (already in spec form). */
  public static ChatChunk of(ObjectNode json) {
    return new ChatChunk(json, null);
  }

  /** Takes ownership of an upstream chunk and normalizes it in place. */
  public static ChatChunk fromJson(ObjectNode json, String fallbackModel) {
    normalize(json, fallbackModel);
    return new ChatChunk(json, null);
  }

  /**
   * Like {@link #fromJson}, keeping {@code wire} (the bytes {@code json} was parsed from) to
   * forward unchanged when normalization added nothing.
   */
  public static ChatChunk fromWire(ObjectNode json, byte[] wire, String fallbackModel) {
    return new ChatChunk(json, normalize(json, fallbackModel) ? null : wire);
  }

  private static boolean normalize(ObjectNode json, String fallbackModel) {
    boolean changed = WireDefaults.completion(json, "chat.completion.chunk", fallbackModel);
    for (JsonNode choice : json.withArray("choices")) {
      if (choice instanceof ObjectNode c) {
        changed |= WireDefaults.putIfAbsent(c, "finish_reason");
        if (!c.has("delta")) {
          c.putObject("delta");
          changed = true;
        }
      }
    }
    return changed;
  }

  /** The chunk as a tree; do not modify it. */
  public ObjectNode json() {
    return json;
  }

  /** Usage carried by this chunk (the last one, when {@code include_usage} was asked). */
  public Optional<Usage> usage() {
    return Usage.fromJson(json.get("usage"));
  }

  /** True for the usage-only chunk that carries no choices. */
  public boolean usageOnly() {
    return json.path("choices").isEmpty() && json.hasNonNull("usage");
  }

  /** The content delta of choice {@code index}, or empty. */
  public Optional<String> content(int index) {
    for (JsonNode choice : json.path("choices")) {
      if (choice.path("index").asInt(0) == index) {
        JsonNode content = choice.path("delta").path("content");
        return content.isTextual() ? Optional.of(content.asText()) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The wire form: the upstream's own bytes when unchanged, else a fresh serialization. */
  public byte[] toBytes() {
    return wire != null ? wire : Json.bytes(json);
  }

  @Override
  public String toString() {
    return "ChatChunk[choices=" + json.path("choices").size() + "]";
  }
}
