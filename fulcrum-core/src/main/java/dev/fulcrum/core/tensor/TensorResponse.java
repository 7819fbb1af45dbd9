package dev.fulcrum.core.tensor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outputs of one inference. {@code toString()} never prints tensor data.
 *
 * @param model the model that produced them (the backend's name for it)
 * @param outputs the output tensors, in the order the backend returned them
 */
public record TensorResponse(String model, List<Tensor> outputs) {
  public TensorResponse {
    Objects.requireNonNull(model, "model");
    outputs = List.copyOf(outputs);
  }

  public Optional<Tensor> output(String name) {
    return outputs.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return "TensorResponse[model=" + model + ", outputs=" + outputs + "]";
  }
}
