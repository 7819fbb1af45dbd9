package dev.fulcrum.dataplane.classify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the weights file, format {@value #FORMAT}: a JSON object with the embedding model and
 * windows, the lexical feature names, and per head the labels in order, the temperature, and a bias
 * and a weight row keyed by each label. Standardization is already folded into the weights, so
 * serving computes {@code softmax((W·x + b) / T)} on raw features. A free-form {@code training}
 * object records how the file was made and is not read here.
 *
 * <p>Every mismatch with this code (format, embedding model, feature list, labels, shapes) fails
 * at load time with a message naming the field, never at the first prompt.
 */
final class ModelFile {
  static final String FORMAT = "fulcrum-prompt-classifier/1";
  static final String DEFAULT_RESOURCE = "prompt-classifier.json";

  private final String source;

  private ModelFile(String source) {
    this.source = source;
  }

  /** The weights that ship in this package's resources. */
  static ClassifierModel readDefault() {
    try (InputStream in = ModelFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("prompt classifier weights not found on the classpath: "
            + "dev/fulcrum/dataplane/classify/" + DEFAULT_RESOURCE
            + "; run tools/classifier/train.sh to create them");
      }
      return read(in, DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read prompt classifier weights " + DEFAULT_RESOURCE,
          e);
    }
  }

  /**
   * Parses a weights file.
   *
   * @param source names the file in error messages
   * @throws IllegalStateException when the file is malformed or does not fit this code
   */
  static ClassifierModel read(InputStream in, String source) throws IOException {
    return new ModelFile(source).parse(Json.MAPPER.readTree(in));
  }

  private ClassifierModel parse(JsonNode root) {
    require(FORMAT.equals(root.path("format").asText()), "format",
        "is '" + root.path("format").asText() + "', expected '" + FORMAT + "'");
    JsonNode embedding = root.path("embedding");
    String model = embedding.path("model").asText();
    require(MiniLmEmbedder.MODEL_ID.equals(model), "embedding.model",
        "is '" + model + "', expected '" + MiniLmEmbedder.MODEL_ID + "'");
    require(embedding.path("dimensions").asInt() == MiniLmEmbedder.DIMENSIONS,
        "embedding.dimensions", "must be " + MiniLmEmbedder.DIMENSIONS);
    List<String> lexical = strings(root.path("lexicalFeatures"));
    require(lexical.equals(LexicalFeatures.NAMES), "lexicalFeatures",
        "are " + lexical + ", but this code computes " + LexicalFeatures.NAMES);
    List<EmbeddingWindow> windows = windows(embedding.path("windows"));
    int dimensions = windows.size() * MiniLmEmbedder.DIMENSIONS + lexical.size();
    return new ClassifierModel(text(root, "version"), windows,
        head(root.path("heads").path("complexity"), "heads.complexity", Complexity.class,
            dimensions),
        head(root.path("heads").path("intent"), "heads.intent", Intent.class, dimensions));
  }

  private List<EmbeddingWindow> windows(JsonNode array) {
    require(array.isArray() && !array.isEmpty(), "embedding.windows",
        "must be a non-empty array of {headChars, tailChars}");
    List<EmbeddingWindow> windows = new ArrayList<>();
    for (int w = 0; w < array.size(); w++) {
      try {
        windows.add(new EmbeddingWindow(array.get(w).path("headChars").asInt(-1),
            array.get(w).path("tailChars").asInt(-1)));
      } catch (IllegalArgumentException e) {
        throw fail("embedding.windows[" + w + "]", e.getMessage());
      }
    }
    return windows;
  }

  private <L extends Enum<L>> SoftmaxHead<L> head(
      JsonNode node, String path, Class<L> type, int dimensions) {
    List<L> labels = new ArrayList<>();
    for (String name : strings(node.path("labels"))) {
      try {
        labels.add(Enum.valueOf(type, name));
      } catch (IllegalArgumentException e) {
        throw fail(path + ".labels", "names '" + name + "', which is not one of "
            + Arrays.toString(type.getEnumConstants()));
      }
    }
    require(labels.size() == type.getEnumConstants().length
        && labels.stream().distinct().count() == labels.size(), path + ".labels",
        "must list each of " + Arrays.toString(type.getEnumConstants()) + " exactly once");
    float[][] weights = new float[labels.size()][];
    float[] bias = new float[labels.size()];
    for (int k = 0; k < weights.length; k++) {
      String label = labels.get(k).name();
      weights[k] = floats(node.path("weights").path(label), path + ".weights." + label,
          dimensions);
      JsonNode b = node.path("bias").path(label);
      require(b.isNumber() && Float.isFinite(b.floatValue()), path + ".bias." + label,
          "must be a finite number");
      bias[k] = b.floatValue();
    }
    double temperature = node.path("temperature").asDouble(Double.NaN);
    require(temperature > 0.0 && !Double.isInfinite(temperature), path + ".temperature",
        "must be a positive number");
    return new SoftmaxHead<>(labels, weights, bias, temperature);
  }

  private float[] floats(JsonNode array, String path, int length) {
    require(array.isArray() && array.size() == length, path, "must be an array of " + length
        + " numbers, has " + array.size());
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      JsonNode value = array.get(i);
      require(value.isNumber() && Float.isFinite(value.floatValue()), path,
          "entry " + i + " is not a finite number");
      values[i] = value.floatValue();
    }
    return values;
  }

  private List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }

  private String text(JsonNode node, String field) {
    String value = node.path(field).asText("");
    require(!value.isBlank(), field, "must be a non-empty string");
    return value;
  }

  private void require(boolean condition, String path, String problem) {
    if (!condition) {
      throw fail(path, problem);
    }
  }

  private IllegalStateException fail(String path, String problem) {
    return new IllegalStateException(
        "prompt classifier weights " + source + ": '" + path + "' " + problem);
  }
}
