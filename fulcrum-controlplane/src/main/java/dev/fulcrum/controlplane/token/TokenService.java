package dev.fulcrum.controlplane.token;

import com.google.crypto.tink.jwt.JwtEcdsaParameters;
import dev.fulcrum.controlplane.keys.KeysetException;
import dev.fulcrum.controlplane.keys.KeysetSource;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;

/**
 * Issues and verifies short-lived ES256 tokens (see {@code package-info} for why ES256).
 * Thread-safe; time comes from the injected clock.
 */
public interface TokenService {
  /** The longest lifetime a token may have. */
  Duration MAX_TTL = Duration.ofMinutes(5);

  /**
   * Signs a token for {@code request}: claims {@code iss}, {@code sub}, {@code aud},
   * {@code iat} = {@code nbf} = now (whole seconds), {@code exp} = now + ttl, a random
   * {@code jti}, {@code tenant}, and {@code scope} (space-separated, as in OAuth 2.0).
   */
  IssuedToken issue(TokenRequest request);

  /**
   * Checks, in order: form, signature and issuer, expiry, not-before, audience, scopes; the
   * first failure is returned. Never throws for a bad token.
   *
   * @param token the compact JWT as presented (e.g. after {@code Bearer })
   * @param audience this service's name, which the token must list
   * @param requiredScopes scopes the call needs; all must be granted
   */
  TokenVerification verify(String token, String audience, Set<String> requiredScopes);

  /** The verification keys as a JSON Web Key Set (RFC 7517): publish it for other verifiers. */
  String publicJwkSet();

  /** Starts configuring a service signing with the ES256 keyset in {@code signingKeys}. */
  static Builder builder(KeysetSource signingKeys) {
    return new Builder(signingKeys);
  }

  /** Configuration. Defaults: issuer {@code fulcrum}, system clock, 5 s clock skew. */
  final class Builder {
    private final KeysetSource signingKeys;
    private String issuer = "fulcrum";
    private InstantSource clock = InstantSource.system();
    private Duration clockSkew = Duration.ofSeconds(5);

    private Builder(KeysetSource signingKeys) {
      this.signingKeys = Objects.requireNonNull(signingKeys, "signingKeys");
    }

    /** The {@code iss} claim written and required. */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /** The clock that stamps and checks tokens. */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How far apart issuing and verifying clocks may be (0 to 60 s). */
    public Builder clockSkew(Duration clockSkew) {
      if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(60)) > 0) {
        throw new IllegalArgumentException("clockSkew must be 0 to 60 seconds");
      }
      this.clockSkew = clockSkew;
      return this;
    }

    /**
     * Loads (or generates) the signing keyset and returns the service.
     *
     * @throws KeysetException when the keyset is unusable
     */
    public TokenService build() {
      JwtEcdsaParameters es256;
      try {
        es256 = JwtEcdsaParameters.builder()
            .setAlgorithm(JwtEcdsaParameters.Algorithm.ES256)
            .setKidStrategy(JwtEcdsaParameters.KidStrategy.BASE64_ENCODED_KEY_ID).build();
      } catch (GeneralSecurityException e) {
        throw new KeysetException("Tink cannot describe ES256 keys", e);
      }
      return new SignedTokenService(signingKeys.loadOrGenerate(es256), issuer, clock,
          clockSkew);
    }
  }
}
