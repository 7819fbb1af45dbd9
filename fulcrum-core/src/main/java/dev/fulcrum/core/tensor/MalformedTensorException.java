package dev.fulcrum.core.tensor;

import java.util.Objects;

/**
 * A JSON document could not be read as a v2 inference request, response or model metadata.
 * Whoever sent it is to blame: a caller's request becomes a 400, an upstream's answer a 502.
 * The message never quotes tensor data.
 */
public final class MalformedTensorException extends IllegalArgumentException {
  private final String field;

  /**
   * @param message what is wrong, e.g. {@code input 'x' has an invalid shape [2, -3]}
   * @param field where, as a path such as {@code inputs[1].shape}
   */
  public MalformedTensorException(String message, String field) {
    super(Objects.requireNonNull(message, "message"));
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The offending field, as a path such as {@code outputs[0].data}. */
  public String field() {
    return field;
  }
}
