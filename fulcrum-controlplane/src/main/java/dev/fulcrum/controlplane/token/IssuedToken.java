package dev.fulcrum.controlplane.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly signed token.
 *
 * @param token the compact JWT to hand to the bearer; never logged ({@link #toString()} omits it)
 * @param tokenId its {@code jti}, safe to log
 * @param expiresAt when it stops being accepted
 */
public record IssuedToken(String token, String tokenId, Instant expiresAt) {
  public IssuedToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "IssuedToken[id=" + tokenId + ", expiresAt=" + expiresAt + "]";
  }
}
