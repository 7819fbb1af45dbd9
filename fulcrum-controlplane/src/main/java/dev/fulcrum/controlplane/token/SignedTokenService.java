package dev.fulcrum.controlplane.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.jwt.JwkSetConverter;
import com.google.crypto.tink.jwt.JwtInvalidException;
import com.google.crypto.tink.jwt.JwtPublicKeySign;
import com.google.crypto.tink.jwt.JwtPublicKeyVerify;
import com.google.crypto.tink.jwt.JwtValidator;
import com.google.crypto.tink.jwt.RawJwt;
import com.google.crypto.tink.jwt.VerifiedJwt;
import dev.fulcrum.controlplane.keys.KeysetException;
import dev.fulcrum.controlplane.keys.Keysets;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.tenant.Tenant;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@link TokenService} over a Tink ES256 keyset.
 *
 * <p>Verification is two-staged so every failure gets its own type. Tink checks the signature
 * and issuer with its clock pinned to the token's own (still untrusted) {@code iat}, where a
 * well-formed token is always current; only once the claims are authentic does this class
 * judge time, audience and scopes against the injected clock. The untrusted {@code iat} only
 * chooses that pinned instant; nothing is decided on it.
 */
final class SignedTokenService implements TokenService {
  private static final String TENANT = "tenant";
  private static final String SCOPE = "scope";

  private final JwtPublicKeySign signer;
  private final JwtPublicKeyVerify verifier;
  private final String jwks;
  private final String issuer;
  private final InstantSource clock;
  private final Duration clockSkew;

  SignedTokenService(KeysetHandle keyset, String issuer, InstantSource clock,
      Duration clockSkew) {
    this.signer = Keysets.primitive(keyset, JwtPublicKeySign.class);
    try {
      KeysetHandle publicKeys = keyset.getPublicKeysetHandle();
      this.verifier = Keysets.primitive(publicKeys, JwtPublicKeyVerify.class);
      this.jwks = JwkSetConverter.fromPublicKeysetHandle(publicKeys);
    } catch (GeneralSecurityException | IOException e) {
      throw new KeysetException("the token keyset has no usable public half", e);
    }
    this.issuer = issuer;
    this.clock = clock;
    this.clockSkew = clockSkew;
  }

  @Override
  public IssuedToken issue(TokenRequest request) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expires = now.plus(request.ttl());
    String id = UUID.randomUUID().toString();
    RawJwt jwt = RawJwt.newBuilder()
        .setTypeHeader("JWT")
        .setIssuer(issuer)
        .setSubject(request.subject())
        .setAudiences(List.of(request.audience()))
        .setJwtId(id)
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpiration(expires)
        .addStringClaim(TENANT, request.tenant().id())
        .addStringClaim(SCOPE, String.join(" ", new TreeSet<>(request.scopes())))
        .build();
    try {
      return new IssuedToken(signer.signAndEncode(jwt), id, expires);
    } catch (GeneralSecurityException e) {
      throw new KeysetException("cannot sign a token", e);
    }
  }

  @Override
  public TokenVerification verify(String token, String audience, Set<String> requiredScopes) {
    Instant claimedIssue;
    try {
      claimedIssue = claimedIssuedAt(token);
    } catch (IllegalArgumentException e) {
      return new TokenVerification.Malformed(e.getMessage());
    }
    VerifiedJwt jwt;
    try {
      jwt = verifier.verifyAndDecode(token, JwtValidator.newBuilder()
          .expectTypeHeader("JWT").expectIssuer(issuer).ignoreAudiences()
          .setClock(Clock.fixed(claimedIssue, ZoneOffset.UTC)).build());
    } catch (GeneralSecurityException e) {
      return new TokenVerification.BadSignature();
    }
    try {
      return judge(claims(jwt), audience, requiredScopes);
    } catch (JwtInvalidException | IllegalArgumentException e) {
      return new TokenVerification.Malformed("a required claim is missing or invalid");
    }
  }

  private TokenVerification judge(TokenClaims claims, String audience, Set<String> required) {
    Instant now = clock.instant();
    if (!now.isBefore(claims.expiresAt().plus(clockSkew))) {
      return new TokenVerification.Expired(claims.expiresAt(), now);
    }
    if (now.plus(clockSkew).isBefore(claims.notBefore())) {
      return new TokenVerification.NotYetValid(claims.notBefore(), now);
    }
    if (!claims.audiences().contains(audience)) {
      return new TokenVerification.WrongAudience(audience, claims.audiences());
    }
    Set<String> missing = new HashSet<>(required);
    missing.removeAll(claims.scopes());
    if (!missing.isEmpty()) {
      return new TokenVerification.MissingScope(missing, claims.scopes());
    }
    return new TokenVerification.Valid(claims);
  }

  private static TokenClaims claims(VerifiedJwt jwt) throws JwtInvalidException {
    return new TokenClaims(new Tenant(jwt.getStringClaim(TENANT)), jwt.getSubject(),
        jwt.getAudiences(), new HashSet<>(Arrays.asList(jwt.getStringClaim(SCOPE).split(" "))),
        jwt.getJwtId(), jwt.getIssuedAt(), jwt.getNotBefore(), jwt.getExpiration());
  }

  /** The {@code iat} the token claims, read before anything is verified. */
  private static Instant claimedIssuedAt(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not three dot-separated parts");
    }
    JsonNode payload;
    try {
      payload = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("payload is not base64url JSON");
    }
    JsonNode iat = payload == null ? null : payload.get("iat");
    if (iat == null || !iat.canConvertToLong()) {
      throw new IllegalArgumentException("no issued-at time");
    }
    return Instant.ofEpochSecond(iat.longValue());
  }

  @Override
  public String publicJwkSet() {
    return jwks;
  }

  @Override
  public String toString() {
    return "TokenService[issuer=" + issuer + "]";
  }
}
