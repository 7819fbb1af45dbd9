package dev.fulcrum.core.error;

import java.time.Duration;
import java.util.Optional;

/** A rate limit, quota or budget was hit, here or upstream (HTTP 429 with Retry-After). */
public final class RateLimitedException extends RetriableException {
  private final Duration retryAfter;

  /** @param retryAfter when to try again, or {@code null} when unknown */
  public RateLimitedException(String message, Duration retryAfter) {
    super(message, null);
    this.retryAfter = retryAfter;
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
