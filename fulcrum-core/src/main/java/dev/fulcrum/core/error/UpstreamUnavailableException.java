package dev.fulcrum.core.error;

import java.util.OptionalInt;

/**
 * The upstream could not be reached, reset the connection, or answered 5xx (HTTP 502).
 * {@link #upstreamStatus()} is empty when no HTTP status was received at all.
 */
public final class UpstreamUnavailableException extends RetriableException {
  private final String backend;
  private final int upstreamStatus;

  public UpstreamUnavailableException(String backend, int upstreamStatus, String message,
      Throwable cause) {
    super(message, cause);
    this.backend = backend;
    this.upstreamStatus = upstreamStatus;
  }

  public UpstreamUnavailableException(String backend, String message, Throwable cause) {
    this(backend, -1, message, cause);
  }

  public String backend() {
    return backend;
  }

  public OptionalInt upstreamStatus() {
    return upstreamStatus < 0 ? OptionalInt.empty() : OptionalInt.of(upstreamStatus);
  }
}
