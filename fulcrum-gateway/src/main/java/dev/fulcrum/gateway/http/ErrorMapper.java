package dev.fulcrum.gateway.http;

import dev.fulcrum.core.error.AuthenticationException;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.NotFoundException;
import dev.fulcrum.core.error.PayloadTooLargeException;
import dev.fulcrum.core.error.PermissionDeniedException;
import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.error.RetriableException;
import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.core.error.UpstreamRejectedException;
import dev.fulcrum.core.error.UpstreamTimeoutException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.dataplane.privacy.PrivacyScanException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers. A {@link FulcrumException} keeps its
 * message (written for callers); a {@link PrivacyScanException} (outside that tree, see there) is
 * a 503 {@code privacy_scan_failed} saying why, without naming recognizers; anything else is a
 * bug, logged here with its stack trace and answered with a generic 500 that carries only the
 * request id.
 */
public final class ErrorMapper {
  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  /** The HTTP status a caller receives for {@code error} (audit records it). */
  public static int status(FulcrumException error) {
    return map(error).status();
  }

  /** The OpenAI error type a caller receives for {@code error}. */
  public static String type(FulcrumException error) {
    return map(error).type();
  }

  static ApiError map(Throwable error, String requestId) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof FulcrumException fulcrum) {
      ApiError mapped = map(fulcrum);
      if (mapped.status() >= 500) {
        log.warn("request {}: {} {}", requestId, mapped.status(), fulcrum.getMessage());
      }
      return mapped;
    }
    if (cause instanceof PrivacyScanException scan) {
      log.warn("request {}: 503 {}", requestId, scan.getMessage());
      return new ApiError(503, "server_error", PrivacyScanException.CODE, switch (scan.reason()) {
        case DEADLINE_EXCEEDED -> "the privacy scan ran past its time budget "
            + "(privacy.scan-budget), so the text was not analysed; send less text or ask the "
            + "operator to raise the budget";
        case RECOGNIZER_FAILED -> "the privacy scan failed, so the text was not analysed; try "
            + "again, and quote request id " + requestId + " if it keeps failing";
      });
    }
    log.error("request {}: unexpected failure", requestId, cause);
    return new ApiError(500, "server_error", "internal_error", "internal error in Fulcrum; "
        + "quote request id " + requestId + " when reporting it");
  }

  private static ApiError map(FulcrumException error) {
    String message = error.getMessage();
    return switch (error) {
      case InvalidRequestException e -> new ApiError(400, "invalid_request_error",
          "invalid_request", e.param().orElse(null), message, Map.of());
      case AuthenticationException e -> new ApiError(401, "authentication_error",
          "invalid_api_key", message);
      case PermissionDeniedException e -> new ApiError(403, "permission_error",
          "permission_denied", message);
      case NotFoundException e -> new ApiError(404, "invalid_request_error", e.code(),
          "model_not_found".equals(e.code()) ? "model" : null, message, Map.of());
      case PayloadTooLargeException e -> new ApiError(413, "invalid_request_error",
          "request_too_large", message);
      case UpstreamRejectedException e -> e.credentialsRejected()
          ? new ApiError(502, "upstream_error", "upstream_auth_failed", message)
          : new ApiError(e.upstreamStatus() == 404 ? 404 : 400, "invalid_request_error",
              "upstream_rejected", message);
      case RateLimitedException e -> withRetryAfter(
          new ApiError(429, "rate_limit_error", "rate_limited", message), e);
      case UpstreamTimeoutException e -> new ApiError(504, "upstream_error",
          "upstream_timeout", message);
      case UpstreamUnavailableException e -> new ApiError(502, "upstream_error",
          "upstream_unavailable", message);
      case ServiceUnavailableException e -> withRetryAfter(
          new ApiError(503, "server_error", e.code(), message), e);
    };
  }

  private static ApiError withRetryAfter(ApiError error, RetriableException cause) {
    return cause.retryAfter()
        .map(Duration::toSeconds)
        .map(seconds -> new ApiError(error.status(), error.type(), error.code(), error.param(),
            error.message(), Map.of("retry-after", Long.toString(Math.max(0, seconds)))))
        .orElse(error);
  }
}
