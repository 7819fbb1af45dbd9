package dev.fulcrum.core.error;

import java.time.Duration;
import java.util.Optional;

/** Nothing can serve the request right now: every candidate is down or disabled (HTTP 503). */
public final class ServiceUnavailableException extends RetriableException {
  private final Duration retryAfter;

  /** @param retryAfter when the caller may try again, or {@code null} when unknown */
  public ServiceUnavailableException(String message, Duration retryAfter) {
    super(message, null);
    this.retryAfter = retryAfter;
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
