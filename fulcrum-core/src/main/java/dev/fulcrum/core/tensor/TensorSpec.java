package dev.fulcrum.core.tensor;

import java.util.Objects;

/**
 * What a model declares about one of its inputs or outputs.
 *
 * @param name the tensor's name
 * @param datatype its element type
 * @param shape its dimensions; {@link Shape#DYNAMIC} where any size is accepted (typically the
 *     first, batch, dimension)
 */
public record TensorSpec(String name, DataType datatype, Shape shape) {
  public TensorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(datatype, "datatype");
    Objects.requireNonNull(shape, "shape");
  }

  /** Whether the first dimension is dynamic, so rows of several requests can be stacked. */
  public boolean batchable() {
    return shape.rank() > 0 && shape.dim(0) == Shape.DYNAMIC;
  }
}
