package dev.fulcrum.inference.kserve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.tensor.DataType;
import dev.fulcrum.core.tensor.ModelMetadata;
import dev.fulcrum.core.tensor.Shape;
import dev.fulcrum.core.tensor.Tensor;
import dev.fulcrum.core.tensor.TensorData;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;
import dev.fulcrum.core.tensor.TensorSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON wire form of the Open Inference Protocol v2: inference requests out, inference
 * responses and model metadata in. Tensor data travels flattened row-major; nested arrays in an
 * answer are flattened in order. What a server sends that does not fit is the server's fault
 * ({@link UpstreamUnavailableException}); error messages never quote tensor data.
 */
final class V2Json {
  private V2Json() {}

  /** {@code {"inputs":[…], "outputs":[…]}}; no {@code outputs} asks for all of them. */
  static ObjectNode request(TensorRequest request) {
    ObjectNode root = Json.object();
    ArrayNode inputs = root.putArray("inputs");
    for (int i = 0; i < request.inputs().size(); i++) {
      Tensor tensor = request.inputs().get(i);
      ObjectNode input = inputs.addObject();
      input.put("name", tensor.name());
      ArrayNode shape = input.putArray("shape");
      tensor.shape().dims().forEach(shape::add);
      input.put("datatype", tensor.datatype().name());
      writeData(input.putArray("data"), tensor, i);
    }
    if (!request.outputs().isEmpty()) {
      ArrayNode outputs = root.putArray("outputs");
      request.outputs().forEach(name -> outputs.addObject().put("name", name));
    }
    return root;
  }

  static TensorResponse response(String backend, String model, ObjectNode json) {
    JsonNode outputs = json.path("outputs");
    if (!outputs.isArray()) {
      throw malformed(backend, "an inference answer without an 'outputs' array");
    }
    List<Tensor> tensors = new ArrayList<>(outputs.size());
    for (JsonNode output : outputs) {
      tensors.add(tensor(backend, output));
    }
    return new TensorResponse(json.path("model_name").asText(model), tensors);
  }

  static ModelMetadata metadata(String backend, ObjectNode json) {
    JsonNode name = json.path("name");
    if (!name.isTextual()) {
      throw malformed(backend, "model metadata without a 'name'");
    }
    List<String> versions = new ArrayList<>();
    json.path("versions").forEach(version -> versions.add(version.asText()));
    return new ModelMetadata(name.asText(), versions, json.path("platform").asText(""),
        specs(backend, json.path("inputs"), "inputs"),
        specs(backend, json.path("outputs"), "outputs"));
  }

  private static List<TensorSpec> specs(String backend, JsonNode array, String field) {
    if (!array.isArray()) {
      throw malformed(backend, "model metadata without an '" + field + "' array");
    }
    List<TensorSpec> specs = new ArrayList<>(array.size());
    for (JsonNode spec : array) {
      String name = spec.path("name").asText("");
      if (name.isEmpty()) {
        throw malformed(backend, "model metadata with an unnamed tensor in '" + field + "'");
      }
      specs.add(new TensorSpec(name, datatype(backend, spec, name), shape(backend, spec, name,
          true)));
    }
    return specs;
  }

  private static Tensor tensor(String backend, JsonNode output) {
    String name = output.path("name").asText("");
    if (name.isEmpty()) {
      throw malformed(backend, "an output without a name");
    }
    if (output.path("parameters").has("binary_data_size")) {
      throw malformed(backend, "output '" + name + "' in the binary tensor extension, which "
          + "Fulcrum does not read; do not request binary_data outputs");
    }
    DataType datatype = datatype(backend, output, name);
    Shape shape = shape(backend, output, name, false);
    List<JsonNode> leaves = new ArrayList<>();
    flatten(output.path("data"), leaves);
    try {
      return new Tensor(name, datatype, shape, data(backend, name, datatype, leaves));
    } catch (IllegalArgumentException e) {
      throw malformed(backend, "output " + e.getMessage().replaceFirst("^tensor ", ""));
    }
  }

  private static TensorData data(String backend, String name, DataType datatype,
      List<JsonNode> leaves) {
    int n = leaves.size();
    switch (datatype.storage()) {
      case BOOLS -> {
        boolean[] values = new boolean[n];
        for (int i = 0; i < n; i++) {
          values[i] = leaf(backend, name, datatype, leaves.get(i), JsonNode::isBoolean)
              .booleanValue();
        }
        return new TensorData.Bools(values);
      }
      case INTEGERS -> {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          values[i] = leaf(backend, name, datatype, leaves.get(i),
              v -> v.isIntegralNumber() && v.canConvertToLong()).longValue();
        }
        return new TensorData.Integers(values);
      }
      case FLOATS -> {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
          values[i] = (float) leaf(backend, name, datatype, leaves.get(i), JsonNode::isNumber)
              .doubleValue();
        }
        return new TensorData.Floats(values);
      }
      case DOUBLES -> {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = leaf(backend, name, datatype, leaves.get(i), JsonNode::isNumber)
              .doubleValue();
        }
        return new TensorData.Doubles(values);
      }
      case TEXTS -> {
        List<String> values = new ArrayList<>(n);
        for (JsonNode value : leaves) {
          values.add(leaf(backend, name, datatype, value, JsonNode::isTextual).asText());
        }
        return new TensorData.Texts(values);
      }
      default -> throw new IllegalStateException("unknown storage " + datatype.storage());
    }
  }

  private static JsonNode leaf(String backend, String name, DataType datatype, JsonNode value,
      java.util.function.Predicate<JsonNode> fits) {
    if (!fits.test(value)) {
      throw malformed(backend, "output '" + name + "' declared " + datatype + " but holds "
          + Json.kind(value));
    }
    return value;
  }

  private static void writeData(ArrayNode data, Tensor tensor, int index) {
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
          data.add(finite(value, tensor, index));
        }
      }
      case TensorData.Doubles doubles -> {
        for (double value : doubles.values()) {
          data.add(finite(value, tensor, index));
        }
      }
      case TensorData.Texts texts -> texts.values().forEach(data::add);
    }
  }

  private static double finite(double value, Tensor tensor, int index) {
    if (!Double.isFinite(value)) {
      throw new InvalidRequestException("input '" + tensor.name() + "' holds NaN or infinity, "
          + "which the JSON protocol cannot carry", "inputs[" + index + "].data");
    }
    return value;
  }

  private static float finite(float value, Tensor tensor, int index) {
    return (float) finite((double) value, tensor, index);
  }

  private static DataType datatype(String backend, JsonNode node, String name) {
    try {
      return DataType.fromWire(node.path("datatype").asText(""));
    } catch (IllegalArgumentException e) {
      throw malformed(backend, "tensor '" + name + "' with an " + e.getMessage());
    }
  }

  private static Shape shape(String backend, JsonNode node, String name, boolean dynamicAllowed) {
    JsonNode shape = node.path("shape");
    if (!shape.isArray()) {
      throw malformed(backend, "tensor '" + name + "' without a 'shape' array");
    }
    List<Long> dims = new ArrayList<>(shape.size());
    for (JsonNode dim : shape) {
      long value = dim.asLong(-2);
      if (!dim.isIntegralNumber() || value < (dynamicAllowed ? Shape.DYNAMIC : 0)) {
        throw malformed(backend, "tensor '" + name + "' with an invalid shape " + shape);
      }
      dims.add(value);
    }
    return new Shape(dims);
  }

  private static void flatten(JsonNode node, List<JsonNode> leaves) {
    if (node.isArray()) {
      node.forEach(child -> flatten(child, leaves));
    } else if (!node.isMissingNode()) {
      leaves.add(node);
    }
  }

  private static UpstreamUnavailableException malformed(String backend, String what) {
    return new UpstreamUnavailableException(backend, "backend '" + backend + "' sent " + what,
        null);
  }
}
