package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** JSON answers of the admin API, errors in the same shape as the OpenAI API's. */
final class AdminResponses {
  private AdminResponses() {}

  static void json(RoutingContext ctx, int status, JsonNode body) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status).putHeader("content-type", "application/json")
        .end(Buffer.buffer(Json.bytes(body)));
  }

  static void error(RoutingContext ctx, int status, String type, String message) {
    error(ctx, new AdminError(status, type, null, null, message));
  }

  static void error(RoutingContext ctx, AdminError error) {
    ObjectNode body = Json.object();
    body.putObject("error").put("message", error.message()).put("type", error.type())
        .put("param", error.param()).put("code", error.code());
    json(ctx, error.status(), body);
  }
}
