package dev.fulcrum.gateway.http;

import dev.fulcrum.core.error.AuthenticationException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Resolves {@code Authorization: Bearer <API key or token>} to a tenant for one route, whose
 * scope a token must grant; answers 401 or 403 otherwise.
 */
final class ApiKeyAuth implements Handler<RoutingContext> {
  static final String VIA_TOKEN_KEY = "fulcrum.viaToken";
  private static final String BEARER = "bearer ";

  private final Authenticator authenticator;
  private final Scope scope;

  ApiKeyAuth(Authenticator authenticator, Scope scope) {
    this.authenticator = authenticator;
    this.scope = scope;
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
    Authenticator.Principal principal =
        authenticator.authenticate(header.substring(BEARER.length()).strip(), scope);
    ctx.put(Exchange.TENANT_KEY, principal.tenant());
    ctx.put(VIA_TOKEN_KEY, principal.viaToken());
    ctx.next();
  }
}
