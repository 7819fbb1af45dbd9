package dev.fulcrum.core.tensor;

import dev.fulcrum.core.error.InvalidRequestException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a tensor model declares about itself (the v2 {@code GET /v2/models/{name}} answer).
 *
 * @param name the model's name
 * @param versions the versions the server has loaded; may be empty
 * @param platform the serving platform, e.g. {@code onnxruntime_onnx}; empty when unknown
 * @param inputs what it accepts
 * @param outputs what it produces
 */
public record ModelMetadata(String name, List<String> versions, String platform,
    List<TensorSpec> inputs, List<TensorSpec> outputs) {

  public ModelMetadata {
    Objects.requireNonNull(name, "name");
    versions = List.copyOf(versions);
    Objects.requireNonNull(platform, "platform");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  public Optional<TensorSpec> input(String name) {
    return inputs.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<TensorSpec> output(String name) {
    return outputs.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * Whether rows of several requests may be stacked into one: every input and output has a
   * dynamic first dimension.
   */
  public boolean batchable() {
    return inputs.stream().allMatch(TensorSpec::batchable)
        && outputs.stream().allMatch(TensorSpec::batchable);
  }

  /**
   * Checks a request against this model before it is sent: every input is known, of the
   * declared datatype and of a fitting shape, and every requested output exists. Inputs the
   * request leaves out are not reported here (a model may have optional inputs).
   *
   * @throws InvalidRequestException naming the first offending field, e.g.
   *     {@code inputs[1].shape}
   */
  public void validate(TensorRequest request) {
    for (int i = 0; i < request.inputs().size(); i++) {
      Tensor input = request.inputs().get(i);
      TensorSpec spec = input(input.name()).orElseThrow(() -> new InvalidRequestException(
          "model '" + name + "' has no input '" + input.name() + "'; its inputs are "
              + names(inputs), "inputs[" + indexOf(request, input) + "].name"));
      String at = "inputs[" + i + "]";
      if (spec.datatype() != input.datatype()) {
        throw new InvalidRequestException("input '" + input.name() + "' of model '" + name
            + "' must be " + spec.datatype() + ", got " + input.datatype(), at + ".datatype");
      }
      if (!spec.shape().accepts(input.shape())) {
        throw new InvalidRequestException("input '" + input.name() + "' of model '" + name
            + "' has shape " + input.shape() + ", but the model accepts " + spec.shape()
            + " (-1 = any size)", at + ".shape");
      }
    }
    for (int i = 0; i < request.outputs().size(); i++) {
      String output = request.outputs().get(i);
      if (output(output).isEmpty()) {
        throw new InvalidRequestException("model '" + name + "' has no output '" + output
            + "'; its outputs are " + names(outputs), "outputs[" + i + "].name");
      }
    }
  }

  private static int indexOf(TensorRequest request, Tensor input) {
    return request.inputs().indexOf(input);
  }

  private static String names(List<TensorSpec> specs) {
    return specs.isEmpty() ? "(none)"
        : specs.stream().map(TensorSpec::name).collect(Collectors.joining(", "));
  }
}
