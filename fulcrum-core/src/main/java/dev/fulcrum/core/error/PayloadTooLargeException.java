package dev.fulcrum.core.error;

/** The request body is larger than the configured limit (HTTP 413). */
public final class PayloadTooLargeException extends NonRetriableException {
  public PayloadTooLargeException(long limitBytes) {
    super("request body exceeds the limit of " + limitBytes
        + " bytes; send a smaller request or raise server.max-body-bytes", null);
  }
}
