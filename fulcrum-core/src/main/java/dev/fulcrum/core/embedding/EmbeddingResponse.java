package dev.fulcrum.core.embedding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Vectors for the inputs of one embeddings request, in input order.
 *
 * @param model the model that produced them (upstream name)
 * @param vectors one vector per input; arrays are not copied and must not be modified
 * @param usage tokens consumed
 */
public record EmbeddingResponse(String model, List<float[]> vectors, Usage usage) {
  public EmbeddingResponse {
    Objects.requireNonNull(model, "model");
    vectors = List.copyOf(vectors);
    Objects.requireNonNull(usage, "usage");
  }

  /** The OpenAI {@code CreateEmbeddingResponse} in the requested encoding. */
  public ObjectNode toJson(EncodingFormat format) {
    ObjectNode root = Json.object();
    root.put("object", "list");
    ArrayNode data = root.putArray("data");
    for (int i = 0; i < vectors.size(); i++) {
      ObjectNode item = data.addObject();
      item.put("object", "embedding");
      item.put("index", i);
      switch (format) {
        case FLOAT -> {
          ArrayNode values = item.putArray("embedding");
          for (float v : vectors.get(i)) {
            values.add(v);
          }
        }
        case BASE64 -> item.put("embedding", base64(vectors.get(i)));
      }
    }
    root.put("model", model);
    ObjectNode usageNode = root.putObject("usage");
    usageNode.put("prompt_tokens", usage.promptTokens());
    usageNode.put("total_tokens", usage.totalTokens());
    return root;
  }

  /** Little-endian float32 bytes in base64, the layout OpenAI SDKs decode. */
  static String base64(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return Base64.getEncoder().encodeToString(buffer.array());
  }

  @Override
  public String toString() {
    return "EmbeddingResponse[model=" + model + ", vectors=" + vectors.size() + "]";
  }
}
