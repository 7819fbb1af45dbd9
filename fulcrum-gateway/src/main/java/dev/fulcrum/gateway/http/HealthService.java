package dev.fulcrum.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /healthz} (the process is up) and {@code GET /readyz} (it should receive traffic:
 * backends built and not shutting down), and the same under the Open Inference Protocol's
 * names, {@code GET /v2/health/live} and {@code GET /v2/health/ready}. None needs a key.
 */
final class HealthService {
  private final BooleanSupplier ready;

  HealthService(BooleanSupplier ready) {
    this.ready = ready;
  }

  void register(Router router) {
    router.get("/healthz").handler(ctx -> Exchange.json(ctx, status("ok")));
    router.get("/readyz").handler(this::readiness);
    router.get("/v2/health/live").handler(ctx -> Exchange.json(ctx, flag("live", true)));
    router.get("/v2/health/ready").handler(ctx -> {
      boolean isReady = ready.getAsBoolean();
      Exchange.json(ctx, isReady ? 200 : 503, Json.bytes(flag("ready", isReady)));
    });
  }

  private void readiness(RoutingContext ctx) {
    boolean isReady = ready.getAsBoolean();
    Exchange.json(ctx, isReady ? 200 : 503, Json.bytes(status(isReady ? "ready" : "not ready")));
  }

  private static ObjectNode flag(String name, boolean value) {
    ObjectNode node = Json.object();
    node.put(name, value);
    return node;
  }

  private static ObjectNode status(String status) {
    ObjectNode node = Json.object();
    node.put("status", status);
    return node;
  }
}
