package dev.fulcrum.gateway.http;

import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.dataplane.pipeline.RequestPipeline;
import dev.fulcrum.dataplane.routing.BackendView;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The HTTP listener: one server per event loop, all on the same port. Not ready until every
 * instance listens; {@link #drain()} turns {@code /readyz} to 503 before shutdown so load
 * balancers stop sending traffic first.
 */
public final class GatewayServer {

  /**
   * What the HTTP edge needs from the rest of the process.
   *
   * @param authenticator resolves API keys and tokens to tenants
   * @param tokenTtl the lifetime of tokens whose caller names none
   * @param startedEpochSeconds reported as {@code created} in {@code /v1/models}
   * @param mounts more routes to add (e.g. the admin API), each given the router
   */
  public record Dependencies(RequestPipeline pipeline, Authenticator authenticator,
      java.time.Duration tokenTtl, Supplier<RoutingTable> routing, BackendView backends,
      long startedEpochSeconds, List<Consumer<io.vertx.ext.web.Router>> mounts) {
    public Dependencies {
      Objects.requireNonNull(pipeline, "pipeline");
      Objects.requireNonNull(authenticator, "authenticator");
      Objects.requireNonNull(tokenTtl, "tokenTtl");
      Objects.requireNonNull(routing, "routing");
      Objects.requireNonNull(backends, "backends");
      mounts = List.copyOf(mounts);
    }
  }

  private final Vertx vertx;
  private final AtomicBoolean ready = new AtomicBoolean();
  private volatile int port;

  private GatewayServer(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Starts {@code instances} servers on {@code host:port} (0 picks a free port) and completes
   * once all listen.
   */
  public static Future<GatewayServer> start(Vertx vertx, Dependencies deps, String host,
      int port, long maxBodyBytes, int instances) {
    GatewayServer server = new GatewayServer(vertx);
    // instances listening on the same requested port share one socket (port 0 included)
    return vertx.deployVerticle(() -> server.verticle(deps, host, port, maxBodyBytes),
            new DeploymentOptions().setInstances(instances))
        .map(id -> {
          server.ready.set(true);
          return server;
        });
  }

  public int port() {
    return port;
  }

  public boolean ready() {
    return ready.get();
  }

  /** Stops advertising readiness; requests keep being served until the process stops. */
  public void drain() {
    ready.set(false);
  }

  private VerticleBase verticle(Dependencies deps, String host, int requestedPort,
      long maxBodyBytes) {
    return new VerticleBase() {
      private HttpServer server;

      @Override
      public Future<?> start() {
        server = vertx.createHttpServer(new HttpServerOptions()
                .setCompressionSupported(false)
                .setTcpNoDelay(true)
                .setIdleTimeout(300))
            .requestHandler(GatewayRoutes.create(vertx, deps, maxBodyBytes, ready::get));
        return server.listen(requestedPort, host).onSuccess(s -> {
          if (port != 0 && port != s.actualPort()) {
            throw new IllegalStateException("server instances bound different ports");
          }
          port = s.actualPort();
        });
      }

      @Override
      public Future<?> stop() {
        return server.shutdown(10, TimeUnit.SECONDS);
      }
    };
  }
}
