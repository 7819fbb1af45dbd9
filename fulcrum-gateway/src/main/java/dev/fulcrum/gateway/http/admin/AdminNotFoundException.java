package dev.fulcrum.gateway.http.admin;

import java.util.Objects;

/**
 * Something the admin API was asked about does not exist, beyond what the control plane's own
 * {@code Unknown…} exceptions cover (an alias that pointed nowhere at a time, an endpoint):
 * answered 404 with {@code code}.
 */
final class AdminNotFoundException extends RuntimeException {
  private final String code;
  private final String param;

  AdminNotFoundException(String code, String param, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.param = param;
  }

  String code() {
    return code;
  }

  String param() {
    return param;
  }
}
