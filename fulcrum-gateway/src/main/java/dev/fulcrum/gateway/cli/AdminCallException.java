package dev.fulcrum.gateway.cli;

/**
 * An admin API call that did not succeed: the server's own message (or why it could not be
 * reached), ready to print.
 */
final class AdminCallException extends RuntimeException {
  private final int status;

  /** @param status the HTTP status, or 0 when the server was not reached */
  AdminCallException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
