package dev.fulcrum.core.error;

/** The upstream did not answer within its configured timeout (HTTP 504). */
public final class UpstreamTimeoutException extends RetriableException {
  private final String backend;

  public UpstreamTimeoutException(String backend, String message, Throwable cause) {
    super(message, cause);
    this.backend = backend;
  }

  public String backend() {
    return backend;
  }
}
