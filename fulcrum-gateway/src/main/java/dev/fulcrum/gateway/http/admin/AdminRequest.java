package dev.fulcrum.gateway.http.admin;

import dev.fulcrum.gateway.http.FulcrumHeaders;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What an admin endpoint reads from one request: decoded path parameters, query parameters and
 * the JSON body. Safe to read from a worker thread once the body has arrived.
 */
final class AdminRequest {
  private final RoutingContext ctx;

  AdminRequest(RoutingContext ctx) {
    this.ctx = ctx;
  }

  /**
   * A path parameter, percent-decoded once: model names may contain {@code /}, sent raw or as
   * {@code %2F}.
   */
  String path(String name) {
    String raw = ctx.pathParam(name);
    if (raw == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return raw.indexOf('%') < 0 ? raw
        : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** A positive id from the path. */
  long id(String name) {
    String raw = path(name);
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(name, "'" + abbreviate(raw) + "' is not a rollout id; ids "
        + "are positive numbers (list them with GET /admin/v1/rollouts)");
  }

  Optional<String> query(String name) {
    String value = ctx.queryParams().get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * A whole-number query parameter within {@code [min, max]}, or {@code fallback} when absent;
   * anything else is a 400 naming the parameter and the range.
   */
  long number(String name, long min, long max, long fallback) {
    Optional<String> text = query(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(name, name + " must be a whole number from " + min + " to "
        + max + ", got '" + abbreviate(text.get()) + "'");
  }

  JsonBody body() {
    Buffer body = ctx.body().buffer();
    return JsonBody.parse(body == null ? new byte[0] : body.getBytes());
  }

  String requestId() {
    String id = ctx.response().headers().get(FulcrumHeaders.REQUEST_ID);
    return id == null ? "-" : id;
  }

  static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
