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
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
   * @param privacy the privacy scan, for {@code /v1/privacy/*} (absent: those routes are 404)
   */
  public record Dependencies(RequestPipeline pipeline, Authenticator authenticator,
      java.time.Duration tokenTtl, Supplier<RoutingTable> routing, BackendView backends,
      long startedEpochSeconds, List<Consumer<io.vertx.ext.web.Router>> mounts,
      java.util.Optional<dev.fulcrum.dataplane.privacy.guard.PrivacyGuard> privacy) {
    public Dependencies {
      Objects.requireNonNull(pipeline, "pipeline");
      Objects.requireNonNull(authenticator, "authenticator");
      Objects.requireNonNull(tokenTtl, "tokenTtl");
      Objects.requireNonNull(routing, "routing");
      Objects.requireNonNull(backends, "backends");
      mounts = List.copyOf(mounts);
      Objects.requireNonNull(privacy, "privacy");
    }
  }

  private final Vertx vertx;
  private final AtomicBoolean ready = new AtomicBoolean();
  private volatile int port;

  private GatewayServer(Vertx vertx) {
    this.vertx = vertx;
  }

  /** How often a free port is picked again when another socket took it before the bind. */
  static final int FREE_PORT_ATTEMPTS = 5;

  /**
   * Starts {@code instances} servers on {@code host:port} (0 picks a free port) and completes
   * once all listen.
   */
  public static Future<GatewayServer> start(Vertx vertx, Dependencies deps, String host,
      int port, long maxBodyBytes, int instances) {
    if (port != 0) {
      return deploy(vertx, deps, host, port, maxBodyBytes, instances);
    }
    return startOnFreePort(vertx, deps, host, maxBodyBytes, instances,
        () -> freePort(host), FREE_PORT_ATTEMPTS);
  }

  /** Where {@link #startOnFreePort} gets the ports it tries. */
  @FunctionalInterface
  interface PortSource {
    int next() throws IOException;
  }

  /**
   * Starts on a port from {@code ports}: instances share one socket only when they ask for the
   * same concrete port, so port 0 is resolved first. Between that and the bind another socket
   * (a client's ephemeral port, say) can take the port; then the next port is tried, up to
   * {@code attempts} in all.
   */
  static Future<GatewayServer> startOnFreePort(Vertx vertx, Dependencies deps, String host,
      long maxBodyBytes, int instances, PortSource ports, int attempts) {
    int port;
    try {
      port = ports.next();
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    return deploy(vertx, deps, host, port, maxBodyBytes, instances).recover(failure ->
        attempts > 1 && addressInUse(failure)
            ? startOnFreePort(vertx, deps, host, maxBodyBytes, instances, ports, attempts - 1)
            : Future.failedFuture(failure));
  }

  private static Future<GatewayServer> deploy(Vertx vertx, Dependencies deps, String host,
      int port, long maxBodyBytes, int instances) {
    GatewayServer server = new GatewayServer(vertx);
    return vertx.deployVerticle(() -> server.verticle(deps, host, port, maxBodyBytes),
            new DeploymentOptions().setInstances(instances))
        .map(id -> {
          server.ready.set(true);
          return server;
        });
  }

  private static boolean addressInUse(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException || String.valueOf(t.getMessage())
          .contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private static int freePort(String host) throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    }
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
        return server.listen(requestedPort, host).onSuccess(s -> port = s.actualPort());
      }

      @Override
      public Future<?> stop() {
        return server.shutdown(10, TimeUnit.SECONDS);
      }
    };
  }
}
