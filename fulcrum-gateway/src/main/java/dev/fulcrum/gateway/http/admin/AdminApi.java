package dev.fulcrum.gateway.http.admin;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Consumer;

/**
 * {@code /admin/v1/…}: the operators' API over the model registry, rollouts, kill switches, the
 * audit log and the encrypted archive (reference: {@code docs/admin.md}). Every route needs an
 * admin key ({@code Authorization: Bearer …} whose hash is in {@code admin.api-keys}); tenant
 * keys are refused. With no admin keys configured the whole API answers 404, as if absent.
 *
 * <p>JSON in and out, snake_case. Every change takes {@code "by"} and {@code "reason"}, recorded
 * in the histories. Failures are mapped once, by {@link AdminErrors}, to the OpenAI error shape.
 * Views mounted after this one under {@code /admin/v1} (such as drift) share its key check, body
 * limit and failure mapping; only paths nobody serves get its 404.
 */
public final class AdminApi implements Consumer<Router> {
  static final String PREFIX = "/admin/v1";
  private static final long MAX_BODY = 1024 * 1024;
  /** After every route, including admin views mounted later (the drift view), which it covers. */
  private static final int UNMATCHED_ORDER = 1_000_000;

  private final AdminContext context;

  public AdminApi(AdminContext context) {
    this.context = context;
  }

  @Override
  public void accept(Router router) {
    if (context.keyHashes().isEmpty()) {
      return;
    }
    router.route(PREFIX + "/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY)
        .setHandleFileUploads(false)).handler(this::authenticate);
    AdminRoutes routes = new AdminRoutes(router);
    new StateAdminService(context).register(routes);
    new ModelAdminService(context).register(routes);
    new RolloutAdminService(context).register(routes);
    new KillSwitchAdminService(context).register(routes);
    new AuditAdminService(context).register(routes);
    new ArchiveAdminService(context).register(routes);
    String endpoints = String.join(", ", routes.listed());
    router.route(PREFIX + "/*").order(UNMATCHED_ORDER).handler(ctx -> ctx.fail(
        new AdminNotFoundException(
            "unknown_url", null, "no admin endpoint " + ctx.request().method() + " "
                + AdminRequest.abbreviate(ctx.request().path()) + "; the admin API has: "
                + endpoints)));
    router.route(PREFIX + "/*").failureHandler(this::onFailure);
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("authorization");
    String key = header != null && header.regionMatches(true, 0, "bearer ", 0, 7)
        ? header.substring(7).strip() : "";
    if (key.isEmpty() || !context.keyHashes().contains(ApiKeyHash.of(key))) {
      AdminResponses.error(ctx, 401, "authentication_error", "the admin API needs an admin "
          + "key: send 'Authorization: Bearer ADMIN_KEY' (admin.api-keys in the config)");
      return;
    }
    ctx.next();
  }

  private void onFailure(RoutingContext ctx) {
    String requestId = new AdminRequest(ctx).requestId();
    if (ctx.failure() != null) {
      AdminResponses.error(ctx, AdminErrors.map(ctx.failure(), requestId));
    } else if (ctx.statusCode() == 413) {
      AdminResponses.error(ctx, new AdminError(413, "invalid_request_error",
          "request_too_large", null, "admin request bodies are limited to " + MAX_BODY
              + " bytes"));
    } else {
      AdminResponses.error(ctx, new AdminError(ctx.statusCode() >= 400 ? ctx.statusCode() : 400,
          "invalid_request_error", null, null, "the request could not be read (HTTP "
              + ctx.statusCode() + ")"));
    }
  }
}
