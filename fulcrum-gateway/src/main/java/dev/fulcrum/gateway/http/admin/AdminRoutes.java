package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Registers admin endpoints on the gateway's router. Paths are written with named parameters
 * ({@code /admin/v1/models/{model}/history}); a {@code {model}} matches across {@code /} so
 * model names such as {@code meta-llama/Llama-3.3-70B-Instruct} work raw or encoded. Every
 * endpoint runs on a worker thread (the control plane does blocking I/O) and its failures go to
 * the admin failure handler.
 */
final class AdminRoutes {
  /** One endpoint's work: read the request, act, return the answer. */
  @FunctionalInterface
  interface Endpoint {
    Reply handle(AdminRequest request);
  }

  /** An endpoint's answer. */
  record Reply(int status, JsonNode body) {
    static Reply ok(JsonNode body) {
      return new Reply(200, body);
    }

    static Reply created(JsonNode body) {
      return new Reply(201, body);
    }
  }

  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
  private final Router router;
  private final List<String> listed = new ArrayList<>();

  AdminRoutes(Router router) {
    this.router = router;
  }

  void get(String path, Endpoint endpoint) {
    add(HttpMethod.GET, path, endpoint);
  }

  void post(String path, Endpoint endpoint) {
    add(HttpMethod.POST, path, endpoint);
  }

  /** Every endpoint registered so far, as {@code GET /admin/v1/models}. */
  List<String> listed() {
    return List.copyOf(listed);
  }

  private void add(HttpMethod method, String path, Endpoint endpoint) {
    listed.add(method.name() + " " + path);
    router.routeWithRegex(method, regex(path)).handler(ctx -> run(ctx, endpoint));
  }

  /** {@code {model}} may hold slashes; every other parameter is one path segment. */
  static String regex(String path) {
    StringBuilder regex = new StringBuilder("^");
    var m = PARAM.matcher(path);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(path.substring(last, m.start())));
      String name = m.group(1);
      regex.append("(?<").append(name).append(">").append(name.equals("model") ? "[^?]+?"
          : "[^/?]+").append(")");
      last = m.end();
    }
    return regex.append(Pattern.quote(path.substring(last))).append("/?$").toString();
  }

  private static void run(RoutingContext ctx, Endpoint endpoint) {
    AdminRequest request = new AdminRequest(ctx);
    ctx.vertx().executeBlocking(() -> endpoint.handle(request), false).onComplete(done -> {
      if (done.failed()) {
        ctx.fail(done.cause());
      } else {
        AdminResponses.json(ctx, done.result().status(), done.result().body());
      }
    });
  }
}
