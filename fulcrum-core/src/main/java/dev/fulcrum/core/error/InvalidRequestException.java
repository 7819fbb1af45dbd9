package dev.fulcrum.core.error;

import java.util.Objects;
import java.util.Optional;

/** The request is malformed: bad JSON, a wrong type, a missing or out-of-range field. */
public final class InvalidRequestException extends NonRetriableException {
  private final String param;

  /**
   * @param message what is wrong and how to fix it
   * @param param the offending field as a path such as {@code messages[1].role}, or {@code null}
   */
  public InvalidRequestException(String message, String param) {
    super(Objects.requireNonNull(message), null);
    this.param = param;
  }

  public InvalidRequestException(String message) {
    this(message, null);
  }

  /** The offending field, when one field is to blame. */
  public Optional<String> param() {
    return Optional.ofNullable(param);
  }
}
