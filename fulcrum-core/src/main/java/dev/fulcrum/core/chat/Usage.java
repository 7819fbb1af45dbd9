package dev.fulcrum.core.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.util.Optional;

/** Token counts of one exchange, as reported by the backend (or estimated, for simulated ones). */
public record Usage(long promptTokens, long completionTokens) {
  public Usage {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  /** Reads an OpenAI {@code usage} object; empty when absent or malformed. */
  public static Optional<Usage> fromJson(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new Usage(usage.path("prompt_tokens").asLong(0),
        usage.path("completion_tokens").asLong(0)));
  }

  /** The OpenAI {@code usage} object. */
  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("prompt_tokens", promptTokens);
    node.put("completion_tokens", completionTokens);
    node.put("total_tokens", totalTokens());
    return node;
  }
}
