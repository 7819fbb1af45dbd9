package dev.fulcrum.core.tensor;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One inference on a tensor model. {@code toString()} never prints tensor data.
 *
 * @param model the model name, as the backend knows it
 * @param inputs the input tensors, with distinct names
 * @param outputs names of the outputs wanted; empty for all of them
 */
public record TensorRequest(String model, List<Tensor> inputs, List<String> outputs) {
  public TensorRequest {
    Objects.requireNonNull(model, "model");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("an inference request needs at least one input");
    }
    Set<String> names = new HashSet<>();
    for (Tensor input : inputs) {
      if (!names.add(input.name())) {
        throw new IllegalArgumentException("input '" + input.name() + "' is given twice");
      }
    }
    if (new HashSet<>(outputs).size() != outputs.size()) {
      throw new IllegalArgumentException("an output is requested twice");
    }
  }

  /** A request for every output. */
  public static TensorRequest of(String model, List<Tensor> inputs) {
    return new TensorRequest(model, inputs, List.of());
  }

  public Optional<Tensor> input(String name) {
    return inputs.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public TensorRequest withModel(String upstreamModel) {
    return new TensorRequest(upstreamModel, inputs, outputs);
  }

  @Override
  public String toString() {
    return "TensorRequest[model=" + model + ", inputs=" + inputs + ", outputs=" + outputs + "]";
  }
}
