package dev.fulcrum.controlplane.token;

import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.tenant.Tenant;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a token should allow.
 *
 * @param tenant whose requests the bearer may make
 * @param subject who holds it (an agent or service id)
 * @param audience the one service that should accept it, e.g. {@code fulcrum-gateway}
 * @param scopes what it allows, e.g. {@code chat:write}; at least one
 * @param ttl how long it is valid: whole seconds, at most {@link TokenService#MAX_TTL}
 * @throws InvalidRequestException naming the field when any is out of range
 */
public record TokenRequest(Tenant tenant, String subject, String audience, Set<String> scopes,
    Duration ttl) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._/-]{0,127}");

  public TokenRequest {
    Objects.requireNonNull(tenant, "tenant");
    require(subject, "subject");
    require(audience, "audience");
    scopes = Set.copyOf(scopes);
    if (scopes.isEmpty()) {
      throw new InvalidRequestException("a token needs at least one scope", "scopes");
    }
    scopes.forEach(scope -> require(scope, "scopes"));
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(TokenService.MAX_TTL) > 0
        || ttl.toNanosPart() != 0) {
      throw new InvalidRequestException("token lifetime must be 1 to "
          + TokenService.MAX_TTL.toSeconds() + " whole seconds, got " + ttl.toMillis() / 1000.0
          + " s; short-lived tokens are re-issued rather than extended", "ttl");
    }
  }

  private static void require(String value, String field) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new InvalidRequestException(field + " must be 1-128 characters of letters, digits "
          + "and : . _ / -", field);
    }
  }
}
