package dev.fulcrum.core.embedding;

import dev.fulcrum.core.error.InvalidRequestException;

/** How vectors are written in an embeddings response. */
public enum EncodingFormat {
  /** JSON arrays of numbers. */
  FLOAT,
  /** Base64 of little-endian IEEE-754 float32, as the OpenAI SDKs request by default. */
  BASE64;

  /** Parses the {@code encoding_format} wire value. */
  public static EncodingFormat fromWire(String value) {
    return switch (value) {
      case "float" -> FLOAT;
      case "base64" -> BASE64;
      default -> throw new InvalidRequestException("'encoding_format' must be 'float' or "
          + "'base64'", "encoding_format");
    };
  }
}
