package dev.fulcrum.core.error;

/** The named thing (usually a model) does not exist (HTTP 404). */
public final class NotFoundException extends NonRetriableException {
  private final String code;

  /**
   * @param code a stable machine-readable code such as {@code model_not_found}
   */
  public NotFoundException(String message, String code) {
    super(message, null);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
