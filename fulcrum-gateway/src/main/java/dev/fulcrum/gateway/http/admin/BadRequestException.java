package dev.fulcrum.gateway.http.admin;

import java.util.Objects;

/**
 * A request the admin API cannot act on because of one field: answered 400 with the field in
 * {@code param}. The message names the field and says what to send instead.
 */
final class BadRequestException extends RuntimeException {
  private final String param;

  /**
   * @param param the field path ({@code policy.window}, {@code routes[0].backend}), or null when
   *     the request as a whole is wrong
   */
  BadRequestException(String param, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.param = param;
  }

  String param() {
    return param;
  }
}
