package dev.fulcrum.gateway.http.admin;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Consumer;

/**
 * {@code /admin/v1/…}: the operators' API. Every route needs an admin key
 * ({@code Authorization: Bearer …} whose hash is in {@code admin.api-keys}); tenant keys are
 * refused. With no admin keys configured the whole API answers 404, as if absent.
 */
public final class AdminApi implements Consumer<Router> {
  static final String PREFIX = "/admin/v1";
  private static final long MAX_BODY = 1024 * 1024;

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
    router.get(PREFIX + "/state").handler(this::state);
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

  /** The published routing state, for a quick look. */
  private void state(RoutingContext ctx) {
    var snapshot = context.snapshot().get();
    JsonObject body = new JsonObject()
        .put("revision", snapshot.revision())
        .put("models", snapshot.table().models().stream().map(m -> m.alias()).toList())
        .put("disabled_backends", snapshot.table().disabledBackends().stream().sorted().toList())
        .put("unavailable", new JsonObject(new java.util.HashMap<>(
            snapshot.unavailable().entrySet().stream().collect(java.util.stream.Collectors
                .toMap(java.util.Map.Entry::getKey, e -> e.getValue().detail())))))
        .put("degraded", new JsonObject(new java.util.HashMap<>(snapshot.degraded())));
    AdminResponses.json(ctx, 200, body);
  }
}
