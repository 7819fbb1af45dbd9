package dev.fulcrum.gateway.metrics;

import dev.fulcrum.core.error.AuthenticationException;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.NotFoundException;
import dev.fulcrum.core.error.PayloadTooLargeException;
import dev.fulcrum.core.error.PermissionDeniedException;
import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.core.error.UpstreamRejectedException;
import dev.fulcrum.core.error.UpstreamTimeoutException;
import dev.fulcrum.core.error.UpstreamUnavailableException;

/**
 * How a request ended, as the {@code status} (class) and {@code error} labels of {@code
 * fulcrum_requests_total}. A closed set: the error labels follow the exception tree, and the
 * status classes follow the gateway's one mapping of failures to HTTP statuses.
 */
enum Outcomes {
  OK("2xx", "none"),
  INVALID_REQUEST("4xx", "invalid_request"),
  AUTHENTICATION("4xx", "authentication"),
  PERMISSION_DENIED("4xx", "permission_denied"),
  NOT_FOUND("4xx", "not_found"),
  REQUEST_TOO_LARGE("4xx", "request_too_large"),
  UPSTREAM_REJECTED("4xx", "upstream_rejected"),
  UPSTREAM_AUTH_FAILED("5xx", "upstream_auth_failed"),
  RATE_LIMITED("4xx", "rate_limited"),
  UPSTREAM_TIMEOUT("5xx", "upstream_timeout"),
  UPSTREAM_UNAVAILABLE("5xx", "upstream_unavailable"),
  SERVICE_UNAVAILABLE("5xx", "service_unavailable");

  private static final Outcomes[] ALL = values();

  final String status;
  final String error;

  Outcomes(String status, String error) {
    this.status = status;
    this.error = error;
  }

  static Outcomes at(int ordinal) {
    return ALL[ordinal];
  }

  /** The outcome of a request that failed with {@code error}. */
  static Outcomes of(FulcrumException error) {
    return switch (error) {
      case InvalidRequestException e -> INVALID_REQUEST;
      case AuthenticationException e -> AUTHENTICATION;
      case PermissionDeniedException e -> PERMISSION_DENIED;
      case NotFoundException e -> NOT_FOUND;
      case PayloadTooLargeException e -> REQUEST_TOO_LARGE;
      case UpstreamRejectedException e ->
          e.credentialsRejected() ? UPSTREAM_AUTH_FAILED : UPSTREAM_REJECTED;
      case RateLimitedException e -> RATE_LIMITED;
      case UpstreamTimeoutException e -> UPSTREAM_TIMEOUT;
      case UpstreamUnavailableException e -> UPSTREAM_UNAVAILABLE;
      case ServiceUnavailableException e -> SERVICE_UNAVAILABLE;
    };
  }
}
