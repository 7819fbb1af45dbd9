package dev.fulcrum.gateway.http;

import dev.fulcrum.controlplane.tenant.TenantDirectory;
import dev.fulcrum.core.error.AuthenticationException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Resolves {@code Authorization: Bearer <key>} to a tenant, or answers 401. */
final class ApiKeyAuth implements Handler<RoutingContext> {
  private static final String BEARER = "bearer ";

  private final TenantDirectory tenants;

  ApiKeyAuth(TenantDirectory tenants) {
    this.tenants = tenants;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("authorization");
    if (header == null || header.isBlank()) {
      Exchange.fail(ctx, new AuthenticationException("missing API key; send the header "
          + "'Authorization: Bearer YOUR_KEY'"));
      return;
    }
    if (header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      Exchange.fail(ctx, new AuthenticationException("the Authorization header must have the "
          + "form 'Bearer YOUR_KEY'"));
      return;
    }
    String key = header.substring(BEARER.length()).strip();
    var tenant = tenants.authenticate(key);
    if (tenant.isEmpty()) {
      Exchange.fail(ctx, new AuthenticationException("invalid API key; check the key, or ask "
          + "the operator for one"));
      return;
    }
    ctx.put(Exchange.TENANT_KEY, tenant.get());
    ctx.next();
  }
}
