package dev.fulcrum.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.controlplane.token.IssuedToken;
import dev.fulcrum.controlplane.token.TokenRequest;
import dev.fulcrum.controlplane.token.TokenService;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.PermissionDeniedException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.tenant.Tenant;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code POST /v1/tokens}: a short-lived signed token (ES256 JWT, at most 5 minutes) for the
 * calling tenant, e.g. for a desktop agent that must not hold the API key. Body:
 * {@code {"scopes": ["chat"], "ttl_seconds": 120, "subject": "agent-7"}}. Only an API key may
 * mint tokens.
 */
final class TokensService {
  private final Authenticator authenticator;
  private final Duration defaultTtl;

  TokensService(Authenticator authenticator, Duration defaultTtl) {
    this.authenticator = authenticator;
    this.defaultTtl = defaultTtl;
  }

  void register(Router router, GatewayRoutes.Guards guards) {
    guards.post(router, "/v1/tokens", Scope.CHAT).handler(this::issue);
  }

  private void issue(RoutingContext ctx) {
    if (Boolean.TRUE.equals(ctx.get(ApiKeyAuth.VIA_TOKEN_KEY))) {
      throw new PermissionDeniedException("tokens cannot mint tokens; call POST /v1/tokens with "
          + "an API key");
    }
    ObjectNode body = Exchange.body(ctx);
    Tenant tenant = ctx.get(Exchange.TENANT_KEY);
    IssuedToken token = authenticator.tokens().issue(new TokenRequest(tenant,
        body.path("subject").asText(tenant.id()), authenticator.audience(), scopes(body),
        ttl(body)));
    ObjectNode answer = Json.object();
    answer.put("token", token.token());
    answer.put("token_type", "Bearer");
    answer.put("expires_at", token.expiresAt().getEpochSecond());
    answer.put("audience", authenticator.audience());
    Exchange.json(ctx, answer);
  }

  private static Set<String> scopes(ObjectNode body) {
    JsonNode scopes = body.get("scopes");
    if (scopes == null || !scopes.isArray() || scopes.isEmpty()) {
      throw new InvalidRequestException("'scopes' must be a non-empty array of chat, embeddings, "
          + "models, infer, privacy", "scopes");
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode scope : scopes) {
      String name = scope.asText("");
      if (java.util.Arrays.stream(Scope.values()).noneMatch(s -> s.wire().equals(name))) {
        throw new InvalidRequestException("unknown scope '" + name + "'; use chat, embeddings, "
            + "models, infer or privacy", "scopes");
      }
      names.add(name);
    }
    return names;
  }

  private Duration ttl(ObjectNode body) {
    JsonNode ttl = body.get("ttl_seconds");
    if (ttl == null || ttl.isNull()) {
      return defaultTtl;
    }
    long max = TokenService.MAX_TTL.toSeconds();
    if (!ttl.isIntegralNumber() || ttl.asLong() < 1 || ttl.asLong() > max) {
      throw new InvalidRequestException("'ttl_seconds' must be a whole number of seconds from 1 "
          + "to " + max + ", got " + ttl + "; short-lived tokens are re-issued rather than "
          + "extended", "ttl_seconds");
    }
    return Duration.ofSeconds(ttl.asLong());
  }
}
