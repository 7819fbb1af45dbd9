package dev.fulcrum.gateway.http;

import dev.fulcrum.controlplane.tenant.TenantDirectory;
import dev.fulcrum.controlplane.token.TokenService;
import dev.fulcrum.controlplane.token.TokenVerification;
import dev.fulcrum.core.error.AuthenticationException;
import dev.fulcrum.core.tenant.Tenant;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a bearer credential into a tenant: an API key (its hash looked up) or a short-lived token
 * issued by {@code POST /v1/tokens} (its signature, expiry, audience and scope checked, then its
 * tenant looked up, so the tenant's current privacy policy applies). Thread-safe.
 */
public final class Authenticator {
  private final TenantDirectory tenants;
  private final TokenService tokens;
  private final String audience;

  /**
   * @param tokens issues and verifies tokens
   * @param audience the audience tokens must carry
   */
  public Authenticator(TenantDirectory tenants, TokenService tokens, String audience) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.audience = Objects.requireNonNull(audience, "audience");
  }

  /** The credential's tenant, or an exception for 401 (bad credential) or 403 (no scope). */
  Principal authenticate(String credential, Scope needed) {
    if (!looksLikeToken(credential)) {
      return tenants.authenticate(credential)
          .map(tenant -> new Principal(tenant, false))
          .orElseThrow(() -> new AuthenticationException("invalid API key; check the key, or "
              + "ask the operator for one"));
    }
    return switch (tokens.verify(credential, audience, Set.of(needed.wire()))) {
      case TokenVerification.Valid valid -> tenants.byId(valid.claims().tenant().id())
          .map(tenant -> new Principal(tenant, true))
          .orElseThrow(() -> new AuthenticationException("the token's tenant no longer exists"));
      case TokenVerification.Rejected rejected -> throw rejected.toException();
    };
  }

  TokenService tokens() {
    return tokens;
  }

  String audience() {
    return audience;
  }

  /** A compact JWT: three base64url parts, the first a JSON object ("eyJ"). */
  private static boolean looksLikeToken(String credential) {
    return credential.startsWith("eyJ") && credential.chars().filter(c -> c == '.').count() == 2;
  }

  /** Who is calling, and whether with a token (tokens cannot mint tokens). */
  record Principal(Tenant tenant, boolean viaToken) {}
}
