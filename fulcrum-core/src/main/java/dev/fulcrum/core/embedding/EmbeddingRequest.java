package dev.fulcrum.core.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An embeddings request, validated. {@code toString()} never prints the input text.
 *
 * @param model the model alias the caller asked for
 * @param inputs one or more texts, in order
 * @param format how the caller wants vectors encoded
 * @param options fields Fulcrum does not interpret ({@code dimensions}, {@code user}); read-only
 */
public record EmbeddingRequest(String model, List<String> inputs, EncodingFormat format,
    ObjectNode options) {
  /** The OpenAI limit on inputs per request. */
  public static final int MAX_INPUTS = 2048;

  public EmbeddingRequest {
    Objects.requireNonNull(model, "model");
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(options, "options");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("an embeddings request needs at least one input");
    }
  }

  public static EmbeddingRequest of(String model, List<String> inputs) {
    return new EmbeddingRequest(model, inputs, EncodingFormat.FLOAT, Json.object());
  }

  /**
   * Validates an OpenAI {@code CreateEmbeddingRequest} body.
   *
   * @throws InvalidRequestException naming the offending field
   */
  public static EmbeddingRequest fromJson(ObjectNode body) {
    JsonNode modelNode = body.remove("model");
    if (modelNode == null || !modelNode.isTextual() || modelNode.asText().isBlank()) {
      throw new InvalidRequestException(modelNode == null ? "missing required field 'model'"
          : "'model' must be a non-empty string", "model");
    }
    List<String> inputs = parseInputs(body.remove("input"));
    JsonNode format = body.remove("encoding_format");
    EncodingFormat encoding = format == null || format.isNull() ? EncodingFormat.FLOAT
        : EncodingFormat.fromWire(format.asText());
    JsonNode dimensions = body.get("dimensions");
    if (dimensions != null && !(dimensions.isIntegralNumber() && dimensions.asInt() > 0)) {
      throw new InvalidRequestException("'dimensions' must be a positive integer", "dimensions");
    }
    return new EmbeddingRequest(modelNode.asText(), inputs, encoding, body);
  }

  private static List<String> parseInputs(JsonNode input) {
    if (input == null || input.isNull()) {
      throw new InvalidRequestException("missing required field 'input'; send a string or an "
          + "array of strings", "input");
    }
    if (input.isTextual()) {
      return List.of(requireNonEmpty(input.asText(), "input"));
    }
    if (!input.isArray() || input.isEmpty()) {
      throw new InvalidRequestException("'input' must be a string or a non-empty array of "
          + "strings, got " + (input.isArray() ? "an empty array" : Json.kind(input)), "input");
    }
    if (input.size() > MAX_INPUTS) {
      throw new InvalidRequestException("'input' has " + input.size() + " items; at most "
          + MAX_INPUTS + " are allowed per request", "input");
    }
    List<String> texts = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      JsonNode item = input.get(i);
      if (!item.isTextual()) {
        throw new InvalidRequestException("input[" + i + "] must be a string, got "
            + Json.kind(item) + " (token-array input is not supported; send text)",
            "input[" + i + "]");
      }
      texts.add(requireNonEmpty(item.asText(), "input[" + i + "]"));
    }
    return texts;
  }

  private static String requireNonEmpty(String text, String param) {
    if (text.isEmpty()) {
      throw new InvalidRequestException(param + " must not be an empty string", param);
    }
    return text;
  }

  /** The OpenAI wire form sent upstream: float vectors always, re-encoded for the caller. */
  public ObjectNode toJson() {
    ObjectNode node = options.deepCopy();
    node.put("model", model);
    var array = node.putArray("input");
    inputs.forEach(array::add);
    node.put("encoding_format", "float");
    return node;
  }

  public EmbeddingRequest withModel(String upstreamModel) {
    return new EmbeddingRequest(upstreamModel, inputs, format, options);
  }

  @Override
  public String toString() {
    return "EmbeddingRequest[model=" + model + ", inputs=" + inputs.size() + ", format=" + format
        + "]";
  }
}
