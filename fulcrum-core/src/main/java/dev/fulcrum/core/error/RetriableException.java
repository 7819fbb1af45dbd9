package dev.fulcrum.core.error;

import java.time.Duration;
import java.util.Optional;

/** A failure that may pass if the request is sent again later or to another backend. */
public abstract sealed class RetriableException extends FulcrumException
    permits UpstreamTimeoutException, UpstreamUnavailableException, RateLimitedException,
        ServiceUnavailableException {

  RetriableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public final boolean retriable() {
    return true;
  }

  /** How long the caller should wait before trying again, when known. */
  public Optional<Duration> retryAfter() {
    return Optional.empty();
  }
}
