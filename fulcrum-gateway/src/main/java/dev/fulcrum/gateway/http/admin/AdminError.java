package dev.fulcrum.gateway.http.admin;

import java.util.Objects;

/**
 * An admin API failure as the caller sees it.
 *
 * @param status the HTTP status
 * @param type the OpenAI error type ({@code invalid_request_error}, …)
 * @param code a stable machine-readable code, or {@code null}
 * @param param the offending request field or path parameter, or {@code null}
 * @param message what went wrong and what to do, for a person
 */
record AdminError(int status, String type, String code, String param, String message) {
  AdminError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
  }
}
