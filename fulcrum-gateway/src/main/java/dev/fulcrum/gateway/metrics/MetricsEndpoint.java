package dev.fulcrum.gateway.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * {@code GET /metrics}: the registry in the Prometheus text format (0.0.4). Needs no API key, like
 * {@code /healthz}; keep it off the public network. The scrape runs on a worker thread, so a large
 * registry never stalls an event loop.
 */
final class MetricsEndpoint implements Consumer<Router> {
  static final String PATH = "/metrics";
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  MetricsEndpoint(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void accept(Router router) {
    router.get(PATH).handler(this::scrape);
  }

  private void scrape(RoutingContext ctx) {
    ctx.vertx().executeBlocking(registry::scrape, false).onComplete(done -> {
      if (done.succeeded()) {
        ctx.response().putHeader("content-type", CONTENT_TYPE).end(done.result());
      } else {
        ctx.fail(done.cause());
      }
    });
  }
}
