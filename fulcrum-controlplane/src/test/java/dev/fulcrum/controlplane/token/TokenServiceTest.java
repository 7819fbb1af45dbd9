package dev.fulcrum.controlplane.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.jwt.JwkSetConverter;
import com.google.crypto.tink.jwt.JwtPublicKeyVerify;
import com.google.crypto.tink.jwt.JwtValidator;
import com.google.crypto.tink.jwt.VerifiedJwt;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.keys.Keysets;
import dev.fulcrum.core.error.AuthenticationException;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.PermissionDeniedException;
import dev.fulcrum.core.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final Tenant ACME = new Tenant("acme");
  private static final String GATEWAY = "fulcrum-gateway";

  @TempDir
  Path temp;

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = now::get;
  private final KeysetSource keys = KeysetSource.inMemory();
  private final TokenService tokens = TokenService.builder(keys).clock(clock)
      .clockSkew(Duration.ofSeconds(5)).build();

  private static TokenRequest request(Duration ttl) {
    return new TokenRequest(ACME, "agent-7", GATEWAY, Set.of("chat:write", "files:read"), ttl);
  }

  private IssuedToken issue() {
    return tokens.issue(request(Duration.ofMinutes(2)));
  }

  @Test
  void issuesATokenThatVerifiesIntoItsClaims() {
    IssuedToken issued = issue();

    TokenVerification result = tokens.verify(issued.token(), GATEWAY, Set.of("chat:write"));

    assertThat(issued.expiresAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(result).isEqualTo(new TokenVerification.Valid(new TokenClaims(ACME, "agent-7",
        List.of(GATEWAY), Set.of("chat:write", "files:read"), issued.tokenId(), T0, T0,
        T0.plusSeconds(120))));
  }

  @Test
  void signsWithEs256AndNamesTheKey() {
    String header = new String(Base64.getUrlDecoder().decode(issue().token().split("\\.")[0]),
        StandardCharsets.UTF_8);

    assertThat(header).contains("\"alg\":\"ES256\"").contains("\"kid\":").contains("\"typ\":"
        + "\"JWT\"");
  }

  @Test
  void refusesLifetimesLongerThanFiveMinutes() {
    assertThat(tokens.issue(request(Duration.ofMinutes(5))).expiresAt())
        .isEqualTo(T0.plusSeconds(300));
    assertThatThrownBy(() -> tokens.issue(request(Duration.ofSeconds(301))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("token lifetime must be 1 to 300 whole seconds, got 301.0 s; short-lived "
            + "tokens are re-issued rather than extended")
        .satisfies(e -> assertThat(((InvalidRequestException) e).param()).hasValue("ttl"));
    assertThatThrownBy(() -> tokens.issue(request(Duration.ZERO)))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void refusesATokenOnceItHasExpired() {
    IssuedToken issued = issue();
    now.set(T0.plusSeconds(124));
    assertThat(tokens.verify(issued.token(), GATEWAY, Set.of()))
        .as("within the clock skew").isInstanceOf(TokenVerification.Valid.class);

    now.set(T0.plusSeconds(125));
    TokenVerification result = tokens.verify(issued.token(), GATEWAY, Set.of());

    assertThat(result).isEqualTo(new TokenVerification.Expired(T0.plusSeconds(120),
        T0.plusSeconds(125)));
    assertThat(((TokenVerification.Rejected) result).message()).isEqualTo("token expired at "
        + "2025-03-01T10:02:00Z (now 2025-03-01T10:02:05Z); request a new one");
  }

  @Test
  void refusesATokenThatIsNotValidYetOnThisClock() {
    IssuedToken issued = issue();
    now.set(T0.minusSeconds(6));

    TokenVerification result = tokens.verify(issued.token(), GATEWAY, Set.of());

    assertThat(result).isEqualTo(new TokenVerification.NotYetValid(T0, T0.minusSeconds(6)));
  }

  @Test
  void refusesAlteredClaimsAForeignKeyAndABrokenSignature() {
    String token = issue().token();
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String escalated = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.replace("\"acme\"", "\"globex\"").getBytes(StandardCharsets.UTF_8)) + "."
        + parts[2];
    String foreign = TokenService.builder(KeysetSource.inMemory()).clock(clock).build()
        .issue(request(Duration.ofMinutes(2))).token();
    char last = token.charAt(token.length() - 10);
    String flipped = token.substring(0, token.length() - 10) + (last == 'A' ? 'B' : 'A')
        + token.substring(token.length() - 9);

    for (String forged : List.of(escalated, foreign, flipped)) {
      TokenVerification result = tokens.verify(forged, GATEWAY, Set.of());
      assertThat(result).isEqualTo(new TokenVerification.BadSignature());
      assertThat(((TokenVerification.Rejected) result).message()).isEqualTo("token signature "
          + "does not verify: it was altered or not issued by this gateway");
    }
  }

  @Test
  void refusesATokenForAnotherAudience() {
    TokenVerification result = tokens.verify(issue().token(), "billing-service", Set.of());

    assertThat(result).isEqualTo(new TokenVerification.WrongAudience("billing-service",
        List.of(GATEWAY)));
    assertThat(((TokenVerification.Rejected) result).message()).isEqualTo("token is for "
        + "[fulcrum-gateway], not for billing-service; request one with audience "
        + "billing-service");
  }

  @Test
  void refusesACallOutsideTheGrantedScopesWithA403() {
    TokenVerification result = tokens.verify(issue().token(), GATEWAY,
        Set.of("chat:write", "admin:models"));

    assertThat(result).isEqualTo(new TokenVerification.MissingScope(Set.of("admin:models"),
        Set.of("chat:write", "files:read")));
    TokenVerification.Rejected rejected = (TokenVerification.Rejected) result;
    assertThat(rejected.message()).isEqualTo("token does not allow this: it lacks scope "
        + "[admin:models] (it grants [chat:write, files:read])");
    assertThat(rejected.toException()).isInstanceOf(PermissionDeniedException.class);
    assertThat(new TokenVerification.BadSignature().toException())
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void refusesMalformedTokensWithoutEchoingThem() {
    for (String junk : List.of("", "sk-live-abc123", "a.b.c", "a.e30.c")) {
      TokenVerification result = tokens.verify(junk, GATEWAY, Set.of());

      assertThat(result).isInstanceOf(TokenVerification.Malformed.class);
      String message = ((TokenVerification.Rejected) result).message();
      assertThat(message).startsWith("token is malformed (");
      if (!junk.isEmpty()) {
        assertThat(message).doesNotContain(junk);
      }
    }
  }

  @Test
  void keepsTheTokenOutOfToString() {
    IssuedToken issued = issue();

    assertThat(issued.toString()).doesNotContain(issued.token()).contains(issued.tokenId());
  }

  @Test
  void publishesAJwkSetThatAnyVerifierCanUse() throws Exception {
    IssuedToken issued = issue();

    JwtPublicKeyVerify outside = Keysets.primitive(JwkSetConverter.toPublicKeysetHandle(
        tokens.publicJwkSet()), JwtPublicKeyVerify.class);
    VerifiedJwt jwt = outside.verifyAndDecode(issued.token(), JwtValidator.newBuilder()
        .expectTypeHeader("JWT").expectIssuer("fulcrum").expectAudience(GATEWAY)
        .setClock(Clock.fixed(T0, ZoneOffset.UTC)).build());

    assertThat(jwt.getStringClaim("tenant")).isEqualTo("acme");
    assertThat(tokens.publicJwkSet()).contains("\"alg\":\"ES256\"").doesNotContain("\"d\"");
  }

  @Test
  void tokensIssuedBeforeARestartStillVerifyWithTheSameKeyFile() {
    KeysetSource file = KeysetSource.file(temp.resolve("token-signing.json"));
    IssuedToken issued = TokenService.builder(file).clock(clock).build()
        .issue(request(Duration.ofMinutes(2)));

    TokenService restarted = TokenService.builder(KeysetSource.file(
        temp.resolve("token-signing.json"))).clock(clock).build();

    assertThat(restarted.verify(issued.token(), GATEWAY, Set.of("files:read")))
        .isInstanceOf(TokenVerification.Valid.class);
  }
}
