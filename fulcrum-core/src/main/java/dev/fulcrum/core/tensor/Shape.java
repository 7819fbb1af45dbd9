package dev.fulcrum.core.tensor;

import java.util.List;

/**
 * The dimensions of a tensor, outermost first; data is laid out row-major. In model metadata a
 * dimension may be {@link #DYNAMIC} ({@code -1}): any size is accepted there.
 *
 * @param dims the dimensions; each {@code >= 0}, or {@code -1} for a dynamic one
 */
public record Shape(List<Long> dims) {
  /** A dimension whose size the model accepts at run time. */
  public static final long DYNAMIC = -1;

  public Shape {
    dims = List.copyOf(dims);
    for (long dim : dims) {
      if (dim < DYNAMIC) {
        throw new IllegalArgumentException("a dimension must be >= 0, or -1 for dynamic; got "
            + dim);
      }
    }
  }

  public static Shape of(long... dims) {
    Long[] boxed = new Long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      boxed[i] = dims[i];
    }
    return new Shape(List.of(boxed));
  }

  public int rank() {
    return dims.size();
  }

  public long dim(int index) {
    return dims.get(index);
  }

  /** Whether any dimension is {@link #DYNAMIC}. */
  public boolean isDynamic() {
    return dims.contains(DYNAMIC);
  }

  /**
   * The number of elements, 1 for a scalar.
   *
   * @throws IllegalStateException for a dynamic shape
   * @throws ArithmeticException when the count overflows a {@code long}
   */
  public long elementCount() {
    if (isDynamic()) {
      throw new IllegalStateException("a dynamic shape " + this + " has no element count");
    }
    long count = 1;
    for (long dim : dims) {
      count = Math.multiplyExact(count, dim);
    }
    return count;
  }

  /** Whether a concrete shape fits this one: same rank, equal dimensions or dynamic ones here. */
  public boolean accepts(Shape concrete) {
    if (concrete.rank() != rank()) {
      return false;
    }
    for (int i = 0; i < rank(); i++) {
      if (dim(i) != DYNAMIC && dim(i) != concrete.dim(i)) {
        return false;
      }
    }
    return true;
  }

  /** This shape with its first (batch) dimension replaced. */
  public Shape withFirst(long first) {
    if (dims.isEmpty()) {
      throw new IllegalStateException("a scalar has no first dimension");
    }
    Long[] copy = dims.toArray(Long[]::new);
    copy[0] = first;
    return new Shape(List.of(copy));
  }

  /** The dimensions after the first: what every row of a batch shares. */
  public Shape rowShape() {
    if (dims.isEmpty()) {
      throw new IllegalStateException("a scalar has no rows");
    }
    return new Shape(dims.subList(1, dims.size()));
  }

  @Override
  public String toString() {
    return dims.toString();
  }
}
