package dev.fulcrum.core.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The elements of a tensor, flattened row-major, in one of five representations (see
 * {@link DataType#storage()}). Arrays are not copied and must not be modified once wrapped;
 * {@code toString()} gives the kind and size, never the values.
 */
public sealed interface TensorData {

  /** Number of elements. */
  int size();

  /** Which representation this is. */
  DataType.Storage storage();

  /** Elements {@code [from, to)} as a new value of the same kind. */
  TensorData slice(int from, int to);

  /**
   * The elements of {@code parts} one after another.
   *
   * @throws IllegalArgumentException when the parts are of different kinds
   */
  static TensorData concat(List<? extends TensorData> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    DataType.Storage storage = parts.getFirst().storage();
    for (TensorData part : parts) {
      if (part.storage() != storage) {
        throw new IllegalArgumentException("cannot concatenate " + storage + " with "
            + part.storage());
      }
    }
    int total = parts.stream().mapToInt(TensorData::size).sum();
    return switch (parts.getFirst()) {
      case Bools b -> {
        boolean[] out = new boolean[total];
        int at = 0;
        for (TensorData part : parts) {
          boolean[] values = ((Bools) part).values();
          System.arraycopy(values, 0, out, at, values.length);
          at += values.length;
        }
        yield new Bools(out);
      }
      case Integers i -> {
        long[] out = new long[total];
        int at = 0;
        for (TensorData part : parts) {
          long[] values = ((Integers) part).values();
          System.arraycopy(values, 0, out, at, values.length);
          at += values.length;
        }
        yield new Integers(out);
      }
      case Floats f -> {
        float[] out = new float[total];
        int at = 0;
        for (TensorData part : parts) {
          float[] values = ((Floats) part).values();
          System.arraycopy(values, 0, out, at, values.length);
          at += values.length;
        }
        yield new Floats(out);
      }
      case Doubles d -> {
        double[] out = new double[total];
        int at = 0;
        for (TensorData part : parts) {
          double[] values = ((Doubles) part).values();
          System.arraycopy(values, 0, out, at, values.length);
          at += values.length;
        }
        yield new Doubles(out);
      }
      case Texts t -> {
        List<String> out = new ArrayList<>(total);
        parts.forEach(part -> out.addAll(((Texts) part).values()));
        yield new Texts(out);
      }
    };
  }

  /** BOOL elements. */
  record Bools(boolean[] values) implements TensorData {
    public Bools {
      Objects.requireNonNull(values, "values");
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public DataType.Storage storage() {
      return DataType.Storage.BOOLS;
    }

    @Override
    public Bools slice(int from, int to) {
      return new Bools(Arrays.copyOfRange(values, from, to));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bools that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Bools[" + values.length + "]";
    }
  }

  /** Integer elements of any width (INT8…INT64, UINT8…UINT64). */
  record Integers(long[] values) implements TensorData {
    public Integers {
      Objects.requireNonNull(values, "values");
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public DataType.Storage storage() {
      return DataType.Storage.INTEGERS;
    }

    @Override
    public Integers slice(int from, int to) {
      return new Integers(Arrays.copyOfRange(values, from, to));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Integers that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Integers[" + values.length + "]";
    }
  }

  /** FP16 and FP32 elements. */
  record Floats(float[] values) implements TensorData {
    public Floats {
      Objects.requireNonNull(values, "values");
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public DataType.Storage storage() {
      return DataType.Storage.FLOATS;
    }

    @Override
    public Floats slice(int from, int to) {
      return new Floats(Arrays.copyOfRange(values, from, to));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Floats that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Floats[" + values.length + "]";
    }
  }

  /** FP64 elements. */
  record Doubles(double[] values) implements TensorData {
    public Doubles {
      Objects.requireNonNull(values, "values");
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public DataType.Storage storage() {
      return DataType.Storage.DOUBLES;
    }

    @Override
    public Doubles slice(int from, int to) {
      return new Doubles(Arrays.copyOfRange(values, from, to));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Doubles that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Doubles[" + values.length + "]";
    }
  }

  /** BYTES elements, as UTF-8 text; may hold prompt text, so never printed. */
  record Texts(List<String> values) implements TensorData {
    public Texts {
      values = List.copyOf(values);
    }

    @Override
    public int size() {
      return values.size();
    }

    @Override
    public DataType.Storage storage() {
      return DataType.Storage.TEXTS;
    }

    @Override
    public Texts slice(int from, int to) {
      return new Texts(values.subList(from, to));
    }

    @Override
    public String toString() {
      return "Texts[" + values.size() + "]";
    }
  }
}
