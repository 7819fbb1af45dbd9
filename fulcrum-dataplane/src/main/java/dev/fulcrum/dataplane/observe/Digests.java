package dev.fulcrum.dataplane.observe;

import dev.fulcrum.core.tensor.Tensor;
import dev.fulcrum.core.tensor.TensorData;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.DigestOutputStream;
import java.util.HexFormat;
import java.util.List;

/** Hex SHA-256 digests of what went upstream and what came back. */
public final class Digests {
  private Digests() {}

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Hex SHA-256 of tensors in a fixed binary layout: per tensor its name and datatype (UTF-8,
   * length-prefixed), its rank and dimensions, then its elements big-endian (BOOL one byte,
   * integers eight, FP16/FP32 four, FP64 eight, BYTES length-prefixed UTF-8).
   */
  public static String hex(List<Tensor> tensors) {
    MessageDigest digest = sha256();
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        new DigestOutputStream(OutputStream.nullOutputStream(), digest)))) {
      for (Tensor tensor : tensors) {
        text(out, tensor.name());
        text(out, tensor.datatype().name());
        out.writeInt(tensor.shape().rank());
        for (long dim : tensor.shape().dims()) {
          out.writeLong(dim);
        }
        elements(out, tensor.data());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a digest stream cannot fail", e);
    }
    return hex(digest);
  }

  private static void elements(DataOutputStream out, TensorData data) throws IOException {
    switch (data) {
      case TensorData.Bools bools -> {
        for (boolean value : bools.values()) {
          out.writeBoolean(value);
        }
      }
      case TensorData.Integers integers -> {
        for (long value : integers.values()) {
          out.writeLong(value);
        }
      }
      case TensorData.Floats floats -> {
        for (float value : floats.values()) {
          out.writeFloat(value);
        }
      }
      case TensorData.Doubles doubles -> {
        for (double value : doubles.values()) {
          out.writeDouble(value);
        }
      }
      case TensorData.Texts texts -> {
        for (String value : texts.values()) {
          text(out, value);
        }
      }
    }
  }

  private static void text(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
