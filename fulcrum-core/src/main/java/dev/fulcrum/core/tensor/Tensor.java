package dev.fulcrum.core.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named, typed, shaped block of elements: one input or output of a model.
 *
 * <p>The constructor checks that the data's representation matches the datatype, that integer
 * values fit it, and that the shape is concrete and holds exactly the data's elements.
 * {@code toString()} shows name, datatype and shape only.
 *
 * @param name the model's name for this input or output
 * @param datatype the element type
 * @param shape concrete dimensions (no {@link Shape#DYNAMIC})
 * @param data the elements, row-major
 */
public record Tensor(String name, DataType datatype, Shape shape, TensorData data) {

  public Tensor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(datatype, "datatype");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(data, "data");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a tensor needs a name");
    }
    if (shape.isDynamic()) {
      throw new IllegalArgumentException("tensor '" + name + "' has a dynamic shape " + shape
          + "; data needs concrete dimensions");
    }
    if (data.storage() != datatype.storage()) {
      throw new IllegalArgumentException("tensor '" + name + "' is " + datatype + " but holds "
          + data.storage() + " data");
    }
    if (shape.elementCount() != data.size()) {
      throw new IllegalArgumentException("tensor '" + name + "' has shape " + shape + " ("
          + shape.elementCount() + " elements) but " + data.size() + " elements of data");
    }
    if (data instanceof TensorData.Integers integers) {
      for (long value : integers.values()) {
        if (!datatype.holds(value)) {
          throw new IllegalArgumentException("tensor '" + name + "' holds a value out of range "
              + "for " + datatype);
        }
      }
    }
  }

  public static Tensor fp32(String name, Shape shape, float... values) {
    return new Tensor(name, DataType.FP32, shape, new TensorData.Floats(values));
  }

  public static Tensor int64(String name, Shape shape, long... values) {
    return new Tensor(name, DataType.INT64, shape, new TensorData.Integers(values));
  }

  public static Tensor bytes(String name, Shape shape, List<String> values) {
    return new Tensor(name, DataType.BYTES, shape, new TensorData.Texts(values));
  }

  /**
   * The size of the first dimension: how many rows a batch along it holds.
   *
   * @throws IllegalStateException for a scalar
   */
  public long rows() {
    if (shape.rank() == 0) {
      throw new IllegalStateException("tensor '" + name + "' is a scalar and has no rows");
    }
    return shape.dim(0);
  }

  /** Rows {@code [from, to)} along the first dimension, as a tensor of the same name. */
  public Tensor rows(int from, int to) {
    long rows = rows();
    if (from < 0 || to < from || to > rows) {
      throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of tensor '" + name
          + "' with " + rows + " rows");
    }
    int perRow = rows == 0 ? 0 : (int) (data.size() / rows);
    return new Tensor(name, datatype, shape.withFirst(to - from),
        data.slice(from * perRow, to * perRow));
  }

  /**
   * Stacks tensors along the first dimension: the batch of their rows, named like the first.
   *
   * @throws IllegalArgumentException when datatypes or the dimensions after the first differ
   */
  public static Tensor concat(List<Tensor> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    Tensor first = parts.getFirst();
    long rows = 0;
    List<TensorData> data = new ArrayList<>(parts.size());
    for (Tensor part : parts) {
      if (part.datatype != first.datatype || part.shape.rank() == 0
          || !part.shape.rowShape().equals(first.shape.rowShape())) {
        throw new IllegalArgumentException("cannot stack tensor '" + part.name + "' "
            + part.datatype + part.shape + " onto " + first.datatype + first.shape);
      }
      rows += part.rows();
      data.add(part.data);
    }
    return new Tensor(first.name, first.datatype, first.shape.withFirst(rows),
        TensorData.concat(data));
  }

  @Override
  public String toString() {
    return "Tensor[name=" + name + ", datatype=" + datatype + ", shape=" + shape + "]";
  }
}
