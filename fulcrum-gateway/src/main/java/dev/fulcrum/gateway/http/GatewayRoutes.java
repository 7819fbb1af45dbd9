package dev.fulcrum.gateway.http;

import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.NotFoundException;
import dev.fulcrum.core.error.PayloadTooLargeException;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/** Assembles the HTTP routes: request ids first, then each service, then error mapping. */
final class GatewayRoutes {
  private GatewayRoutes() {}

  static Router create(Vertx vertx, GatewayServer.Dependencies deps, long maxBodyBytes,
      java.util.function.BooleanSupplier ready) {
    Router router = Router.router(vertx);
    router.route().handler(GatewayRoutes::assignRequestId);
    router.route("/v2/*").handler(ctx -> {
      Exchange.useV2Errors(ctx);
      ctx.next();
    });
    Guards guards = new Guards(deps.authenticator(), BodyHandler.create(false)
        .setBodyLimit(maxBodyBytes)
        .setHandleFileUploads(false));
    new HealthService(ready).register(router);
    new ModelsService(deps.routing(), deps.pipeline().splitPolicies(), deps.backends(),
        deps.startedEpochSeconds())
        .register(router, guards);
    new ChatCompletionsService(deps.pipeline()).register(router, guards);
    new EmbeddingsService(deps.pipeline()).register(router, guards);
    new KServeService(deps.pipeline()).register(router, guards);
    new TokensService(deps.authenticator(), deps.tokenTtl()).register(router, guards);
    deps.privacy().ifPresent(guard -> new PrivacyService(guard).register(router, guards));
    deps.mounts().forEach(mount -> mount.accept(router));
    router.route().failureHandler(ctx -> onFailure(ctx, maxBodyBytes, guards));
    // unmatched paths and methods never reach route failure handlers
    router.errorHandler(404, ctx -> onFailure(ctx, maxBodyBytes, guards));
    router.errorHandler(405, ctx -> onFailure(ctx, maxBodyBytes, guards));
    return router;
  }

  private static void assignRequestId(RoutingContext ctx) {
    String id = RequestIds.next();
    ctx.put(Exchange.REQUEST_ID_KEY, id);
    ctx.response().putHeader(FulcrumHeaders.REQUEST_ID, id);
    ctx.next();
  }

  private static void onFailure(RoutingContext ctx, long maxBodyBytes, Guards guards) {
    Throwable failure = ctx.failure();
    if (failure != null) {
      Exchange.fail(ctx, failure);
      return;
    }
    String path = ctx.request().path();
    switch (ctx.statusCode()) {
      case 404 -> Exchange.fail(ctx, new NotFoundException("no such endpoint: "
          + ctx.request().method() + " " + abbreviate(path) + "; Fulcrum's API serves "
          + String.join(", ", guards.paths()), "unknown_url"));
      case 405 -> Exchange.send(ctx, new ApiError(405, "invalid_request_error",
          "method_not_allowed", "method " + ctx.request().method() + " is not allowed on "
          + abbreviate(path)));
      case 413 -> Exchange.fail(ctx, new PayloadTooLargeException(maxBodyBytes));
      default -> Exchange.fail(ctx, new InvalidRequestException("the request could not be "
          + "read (HTTP " + ctx.statusCode() + ")"));
    }
  }

  private static String abbreviate(String path) {
    return path == null ? "" : path.length() <= 100 ? path : path.substring(0, 100) + "…";
  }

  /** Route builders that put body limits and authentication in front of API handlers. */
  static final class Guards {
    private final Authenticator authenticator;
    private final BodyHandler body;
    private final Set<String> paths = new TreeSet<>(Comparator
        .comparing((String endpoint) -> endpoint.substring(endpoint.indexOf(' ') + 1))
        .thenComparing(Comparator.naturalOrder()));

    private Guards(Authenticator authenticator, BodyHandler body) {
      this.authenticator = authenticator;
      this.body = body;
    }

    /** A POST route needing a credential that grants {@code scope}. */
    Route post(Router router, String path, Scope scope) {
      paths.add("POST " + path);
      // vert.x-web wants the body handler first; the body limit still applies before auth
      return router.post(path).handler(body).handler(new ApiKeyAuth(authenticator, scope));
    }

    /** A GET route needing a credential that grants {@code scope}. */
    Route get(Router router, String path, Scope scope) {
      paths.add("GET " + path);
      return router.get(path).handler(new ApiKeyAuth(authenticator, scope));
    }

    /** The authenticated API's endpoints, as "METHOD /path", sorted by path. */
    Set<String> paths() {
      return paths;
    }
  }
}
