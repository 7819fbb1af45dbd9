package dev.fulcrum.controlplane.token;

import dev.fulcrum.core.tenant.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a verified token says.
 *
 * @param tenant whose requests it allows
 * @param subject who holds it
 * @param audiences the services it is for
 * @param scopes what it allows
 * @param tokenId its {@code jti}
 * @param issuedAt when it was signed
 * @param notBefore when it starts being accepted
 * @param expiresAt when it stops being accepted
 */
public record TokenClaims(Tenant tenant, String subject, List<String> audiences,
    Set<String> scopes, String tokenId, Instant issuedAt, Instant notBefore, Instant expiresAt) {
  public TokenClaims {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(subject, "subject");
    audiences = List.copyOf(audiences);
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
