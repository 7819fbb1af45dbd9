package dev.fulcrum.gateway.http.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON answers of the admin API, errors in the same shape as the OpenAI API's. */
final class AdminResponses {
  private AdminResponses() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(body.encode());
  }

  static void error(RoutingContext ctx, int status, String type, String message) {
    json(ctx, status, new JsonObject().put("error", new JsonObject().put("message", message)
        .put("type", type).putNull("param").putNull("code")));
  }
}
