package dev.fulcrum.core.tensor;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element types of the Open Inference Protocol v2, under their wire names.
 *
 * <p>Each type is held in one Java representation ({@link #storage()}): integers of every width
 * in {@code long[]}, FP16 and FP32 in {@code float[]}, FP64 in {@code double[]}, BYTES as text.
 * Integer values are range-checked against their type; UINT64 is limited to
 * {@code [0, 2^63)} because Java has no unsigned 64-bit integer.
 */
public enum DataType {
  BOOL(Storage.BOOLS, 0, 1),
  UINT8(Storage.INTEGERS, 0, 0xFF),
  UINT16(Storage.INTEGERS, 0, 0xFFFF),
  UINT32(Storage.INTEGERS, 0, 0xFFFF_FFFFL),
  UINT64(Storage.INTEGERS, 0, Long.MAX_VALUE),
  INT8(Storage.INTEGERS, Byte.MIN_VALUE, Byte.MAX_VALUE),
  INT16(Storage.INTEGERS, Short.MIN_VALUE, Short.MAX_VALUE),
  INT32(Storage.INTEGERS, Integer.MIN_VALUE, Integer.MAX_VALUE),
  INT64(Storage.INTEGERS, Long.MIN_VALUE, Long.MAX_VALUE),
  FP16(Storage.FLOATS, 0, 0),
  FP32(Storage.FLOATS, 0, 0),
  FP64(Storage.DOUBLES, 0, 0),
  /** Variable-length byte strings; Fulcrum carries them as UTF-8 text (the JSON form). */
  BYTES(Storage.TEXTS, 0, 0);

  /** How elements of a type are held in memory: one {@link TensorData} record per storage. */
  public enum Storage { BOOLS, INTEGERS, FLOATS, DOUBLES, TEXTS }

  private final Storage storage;
  private final long min;
  private final long max;

  DataType(Storage storage, long min, long max) {
    this.storage = storage;
    this.min = min;
    this.max = max;
  }

  public Storage storage() {
    return storage;
  }

  /** Whether {@code value} fits this integer type; always false for non-integer types. */
  public boolean holds(long value) {
    return storage == Storage.INTEGERS && value >= min && value <= max;
  }

  /**
   * Parses a wire name such as {@code FP32}.
   *
   * @throws IllegalArgumentException naming the known types when {@code wire} is not one
   */
  public static DataType fromWire(String wire) {
    for (DataType type : values()) {
      if (type.name().equals(wire)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown tensor datatype '" + wire + "'; known: "
        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
  }
}
