package dev.fulcrum.core.tensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The JSON wire form of the Open Inference Protocol v2 (KServe v2, Triton): inference requests
 * and responses and model metadata, both ways. The gateway reads requests and writes responses;
 * the KServe adapter writes requests and reads responses.
 *
 * <p>Tensor data travels flattened row-major; nested arrays are read in order. The binary tensor
 * extension is not read: a tensor whose {@code parameters} carry {@code binary_data_size} is
 * refused. Other {@code parameters} (such as an output's {@code binary_data}) and a request's
 * {@code id} are not part of the values read here; answers always carry JSON data.
 *
 * <p>Every read fails with a {@link MalformedTensorException} naming the field, and writing
 * fails with one for NaN or infinity, which JSON cannot carry. Messages never quote tensor data.
 * Stateless and thread-safe.
 */
public final class TensorJson {
  private static final String INPUT = "input";
  private static final String OUTPUT = "output";

  private TensorJson() {}

  /**
   * Reads {@code {"inputs": [...], "outputs": [{"name": ...}]}}; no {@code outputs} asks for all.
   *
   * @param model the model the request is for (the v2 protocol names it in the path)
   */
  public static TensorRequest readRequest(JsonNode body, String model) {
    List<Tensor> inputs = tensors(body, "inputs", INPUT);
    if (inputs.isEmpty()) {
      throw new MalformedTensorException("an inference request needs at least one input",
          "inputs");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (!names.add(inputs.get(i).name())) {
        throw new MalformedTensorException("input '" + inputs.get(i).name() + "' is given twice",
            "inputs[" + i + "].name");
      }
    }
    return new TensorRequest(model, inputs, requestedOutputs(body.path("outputs")));
  }

  /** Writes a request as the v2 protocol sends it; no {@code outputs} when all are wanted. */
  public static ObjectNode writeRequest(TensorRequest request) {
    ObjectNode root = Json.object();
    ArrayNode inputs = root.putArray("inputs");
    for (int i = 0; i < request.inputs().size(); i++) {
      inputs.add(write(request.inputs().get(i), "inputs[" + i + "]", INPUT));
    }
    if (!request.outputs().isEmpty()) {
      ArrayNode outputs = root.putArray("outputs");
      request.outputs().forEach(name -> outputs.addObject().put("name", name));
    }
    return root;
  }

  /**
   * Reads {@code {"model_name": ..., "outputs": [...]}}.
   *
   * @param model the model name to report when the answer names none
   */
  public static TensorResponse readResponse(JsonNode body, String model) {
    return new TensorResponse(body.path("model_name").asText(model),
        tensors(body, "outputs", OUTPUT));
  }

  /** Writes {@code {"model_name": ..., "outputs": [...]}}. */
  public static ObjectNode writeResponse(TensorResponse response) {
    ObjectNode root = Json.object();
    root.put("model_name", response.model());
    ArrayNode outputs = root.putArray("outputs");
    for (int i = 0; i < response.outputs().size(); i++) {
      outputs.add(write(response.outputs().get(i), "outputs[" + i + "]", OUTPUT));
    }
    return root;
  }

  /** Reads {@code {"name", "versions", "platform", "inputs", "outputs"}}. */
  public static ModelMetadata readMetadata(JsonNode body) {
    JsonNode name = body.path("name");
    if (!name.isTextual() || name.asText().isEmpty()) {
      throw new MalformedTensorException("model metadata needs a 'name'", "name");
    }
    List<String> versions = new ArrayList<>();
    body.path("versions").forEach(version -> versions.add(version.asText()));
    return new ModelMetadata(name.asText(), versions, body.path("platform").asText(""),
        specs(body, "inputs", INPUT), specs(body, "outputs", OUTPUT));
  }

  /** Writes model metadata; dynamic dimensions as {@code -1}. */
  public static ObjectNode writeMetadata(ModelMetadata metadata) {
    ObjectNode root = Json.object();
    root.put("name", metadata.name());
    ArrayNode versions = root.putArray("versions");
    metadata.versions().forEach(versions::add);
    root.put("platform", metadata.platform());
    writeSpecs(root.putArray("inputs"), metadata.inputs());
    writeSpecs(root.putArray("outputs"), metadata.outputs());
    return root;
  }

  private static List<String> requestedOutputs(JsonNode outputs) {
    if (outputs.isMissingNode() || outputs.isNull()) {
      return List.of();
    }
    if (!outputs.isArray()) {
      throw new MalformedTensorException("'outputs' must be an array of {\"name\": ...}, got "
          + Json.kind(outputs), "outputs");
    }
    List<String> names = new ArrayList<>(outputs.size());
    for (int i = 0; i < outputs.size(); i++) {
      String field = "outputs[" + i + "]";
      String name = name(outputs.get(i), field, "requested output");
      if (names.contains(name)) {
        throw new MalformedTensorException("output '" + name + "' is requested twice",
            field + ".name");
      }
      names.add(name);
    }
    return names;
  }

  private static List<Tensor> tensors(JsonNode body, String array, String role) {
    JsonNode items = items(body, array);
    List<Tensor> tensors = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      tensors.add(tensor(items.get(i), array + "[" + i + "]", role));
    }
    return tensors;
  }

  private static List<TensorSpec> specs(JsonNode body, String array, String role) {
    JsonNode items = items(body, array);
    List<TensorSpec> specs = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String field = array + "[" + i + "]";
      JsonNode item = items.get(i);
      String name = name(item, field, role);
      specs.add(new TensorSpec(name, datatype(item, field, role, name),
          shape(item, field, role, name, true)));
    }
    return specs;
  }

  private static JsonNode items(JsonNode body, String array) {
    JsonNode items = body.path(array);
    if (!items.isArray()) {
      throw new MalformedTensorException("'" + array + "' must be an array, got "
          + Json.kind(items), array);
    }
    return items;
  }

  private static Tensor tensor(JsonNode node, String field, String role) {
    String name = name(node, field, role);
    if (node.path("parameters").has("binary_data_size")) {
      throw new MalformedTensorException(role + " '" + name + "' uses the binary tensor "
          + "extension, which Fulcrum does not read; send its data as JSON",
          field + ".parameters");
    }
    DataType datatype = datatype(node, field, role, name);
    Shape shape = shape(node, field, role, name, false);
    List<JsonNode> leaves = new ArrayList<>();
    flatten(node.path("data"), leaves);
    TensorData data = data(leaves, datatype, field + ".data", role, name);
    try {
      return new Tensor(name, datatype, shape, data);
    } catch (IllegalArgumentException e) {
      throw new MalformedTensorException(e.getMessage().replaceFirst("^tensor ", role + " "),
          field + ".data");
    }
  }

  private static String name(JsonNode node, String field, String role) {
    if (!node.isObject()) {
      throw new MalformedTensorException(field + " must be an object, got " + Json.kind(node),
          field);
    }
    JsonNode name = node.path("name");
    if (!name.isTextual() || name.asText().isBlank()) {
      throw new MalformedTensorException("every " + role + " needs a non-empty 'name'",
          field + ".name");
    }
    return name.asText();
  }

  private static DataType datatype(JsonNode node, String field, String role, String name) {
    try {
      return DataType.fromWire(node.path("datatype").asText(""));
    } catch (IllegalArgumentException e) {
      throw new MalformedTensorException(role + " '" + name + "' has an " + e.getMessage(),
          field + ".datatype");
    }
  }

  private static Shape shape(JsonNode node, String field, String role, String name,
      boolean dynamicAllowed) {
    JsonNode shape = node.path("shape");
    if (!shape.isArray()) {
      throw new MalformedTensorException(role + " '" + name + "' needs a 'shape' array",
          field + ".shape");
    }
    List<Long> dims = new ArrayList<>(shape.size());
    for (int i = 0; i < shape.size(); i++) {
      JsonNode dim = shape.get(i);
      long min = dynamicAllowed ? Shape.DYNAMIC : 0;
      if (!dim.isIntegralNumber() || !dim.canConvertToLong() || dim.asLong() < min) {
        throw new MalformedTensorException(role + " '" + name + "' has an invalid dimension "
            + i + " (" + Json.kind(dim) + (dim.isNumber() ? " " + dim.asText() : "")
            + "); dimensions are whole numbers >= 0" + (dynamicAllowed ? ", or -1 for any size"
            : ""), field + ".shape");
      }
      dims.add(dim.asLong());
    }
    Shape parsed = new Shape(dims);
    if (!parsed.isDynamic()) {
      try {
        parsed.elementCount();
      } catch (ArithmeticException e) {
        throw new MalformedTensorException(role + " '" + name + "' has a shape " + parsed
            + " with too many elements", field + ".shape");
      }
    }
    return parsed;
  }

  private static TensorData data(List<JsonNode> leaves, DataType datatype, String field,
      String role, String name) {
    int n = leaves.size();
    switch (datatype.storage()) {
      case BOOLS -> {
        boolean[] values = new boolean[n];
        for (int i = 0; i < n; i++) {
          values[i] = leaf(leaves, i, JsonNode::isBoolean, datatype, field, role, name)
              .booleanValue();
        }
        return new TensorData.Bools(values);
      }
      case INTEGERS -> {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          values[i] = leaf(leaves, i, v -> v.isIntegralNumber() && v.canConvertToLong(),
              datatype, field, role, name).longValue();
        }
        return new TensorData.Integers(values);
      }
      case FLOATS -> {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
          values[i] = (float) leaf(leaves, i, JsonNode::isNumber, datatype, field, role, name)
              .doubleValue();
        }
        return new TensorData.Floats(values);
      }
      case DOUBLES -> {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = leaf(leaves, i, JsonNode::isNumber, datatype, field, role, name)
              .doubleValue();
        }
        return new TensorData.Doubles(values);
      }
      case TEXTS -> {
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          values.add(leaf(leaves, i, JsonNode::isTextual, datatype, field, role, name).asText());
        }
        return new TensorData.Texts(values);
      }
      default -> throw new IllegalStateException("unknown storage " + datatype.storage());
    }
  }

  private static JsonNode leaf(List<JsonNode> leaves, int index, Predicate<JsonNode> fits,
      DataType datatype, String field, String role, String name) {
    JsonNode value = leaves.get(index);
    if (!fits.test(value)) {
      String what = datatype.storage() != DataType.Storage.INTEGERS || !value.isNumber()
          ? Json.kind(value)
          : value.isIntegralNumber() ? "an integer beyond 64 bits" : "a fractional number";
      throw new MalformedTensorException(role + " '" + name + "' is " + datatype
          + ", but element " + index + " is " + what, field);
    }
    return value;
  }

  private static void flatten(JsonNode node, List<JsonNode> leaves) {
    if (node.isArray()) {
      node.forEach(child -> flatten(child, leaves));
    } else if (!node.isMissingNode()) {
      leaves.add(node);
    }
  }

  private static ObjectNode write(Tensor tensor, String field, String role) {
    ObjectNode json = Json.object();
    json.put("name", tensor.name());
    json.put("datatype", tensor.datatype().name());
    ArrayNode shape = json.putArray("shape");
    tensor.shape().dims().forEach(shape::add);
    ArrayNode data = json.putArray("data");
    switch (tensor.data()) {
      case TensorData.Bools bools -> {
        for (boolean value : bools.values()) {
          data.add(value);
        }
      }
      case TensorData.Integers integers -> {
        for (long value : integers.values()) {
          data.add(value);
        }
      }
      case TensorData.Floats floats -> {
        for (float value : floats.values()) {
          data.add(finite(value, tensor, field, role));
        }
      }
      case TensorData.Doubles doubles -> {
        for (double value : doubles.values()) {
          data.add(finite(value, tensor, field, role));
        }
      }
      case TensorData.Texts texts -> texts.values().forEach(data::add);
    }
    return json;
  }

  private static float finite(float value, Tensor tensor, String field, String role) {
    return (float) finite((double) value, tensor, field, role);
  }

  private static double finite(double value, Tensor tensor, String field, String role) {
    if (!Double.isFinite(value)) {
      throw new MalformedTensorException(role + " '" + tensor.name() + "' holds NaN or "
          + "infinity, which JSON cannot carry", field + ".data");
    }
    return value;
  }

  private static void writeSpecs(ArrayNode array, List<TensorSpec> specs) {
    for (TensorSpec spec : specs) {
      ObjectNode json = array.addObject();
      json.put("name", spec.name());
      json.put("datatype", spec.datatype().name());
      ArrayNode shape = json.putArray("shape");
      spec.shape().dims().forEach(shape::add);
    }
  }
}
