package dev.fulcrum.core.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Nothing can serve the request right now: every candidate is down or disabled, or the request
 * may not leave the trust zone because its privacy scan failed (HTTP 503).
 */
public final class ServiceUnavailableException extends RetriableException {
  /** The code of the common case: no backend can serve now. */
  public static final String SERVICE_UNAVAILABLE = "service_unavailable";

  private final Duration retryAfter;
  private final String code;

  /** @param retryAfter when the caller may try again, or {@code null} when unknown */
  public ServiceUnavailableException(String message, Duration retryAfter) {
    this(message, retryAfter, SERVICE_UNAVAILABLE);
  }

  /**
   * @param retryAfter when the caller may try again, or {@code null} when unknown
   * @param code a stable machine-readable code such as {@code privacy_scan_failed}
   */
  public ServiceUnavailableException(String message, Duration retryAfter, String code) {
    super(message, null);
    this.retryAfter = retryAfter;
    this.code = Objects.requireNonNull(code, "code");
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public String code() {
    return code;
  }
}
