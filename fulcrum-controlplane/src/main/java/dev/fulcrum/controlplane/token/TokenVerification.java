package dev.fulcrum.controlplane.token;

import dev.fulcrum.core.error.AuthenticationException;
import dev.fulcrum.core.error.NonRetriableException;
import dev.fulcrum.core.error.PermissionDeniedException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of {@link TokenService#verify}: {@link Valid}, or one of the {@link Rejected}
 * reasons. Match it exhaustively; {@link Rejected#toException()} gives the gateway the error to
 * answer with. No variant holds or prints the token itself.
 */
public sealed interface TokenVerification {

  /** The token is authentic, current, for this audience and carries the required scopes. */
  record Valid(TokenClaims claims) implements TokenVerification {
    public Valid {
      Objects.requireNonNull(claims, "claims");
    }
  }

  /** Why a token is refused. */
  sealed interface Rejected extends TokenVerification
      permits Malformed, BadSignature, Expired, NotYetValid, WrongAudience, MissingScope {

    /** What is wrong, for the caller; never contains the token. */
    String message();

    /**
     * The error to answer with: {@link AuthenticationException} (HTTP 401) when the token
     * cannot be trusted or is not current, {@link PermissionDeniedException} (HTTP 403) when it
     * is valid but does not allow this.
     */
    default NonRetriableException toException() {
      return this instanceof MissingScope ? new PermissionDeniedException(message())
          : new AuthenticationException(message());
    }
  }

  /** Not a well-formed token of ours: not three base64url parts, or required claims missing. */
  record Malformed(String reason) implements Rejected {
    @Override
    public String message() {
      return "token is malformed (" + reason + "); request a new one from POST /v1/tokens";
    }
  }

  /** The signature does not verify: forged, altered, or signed by another issuer or key. */
  record BadSignature() implements Rejected {
    @Override
    public String message() {
      return "token signature does not verify: it was altered or not issued by this gateway";
    }
  }

  /** Authentic but past its expiry. */
  record Expired(Instant expiredAt, Instant now) implements Rejected {
    @Override
    public String message() {
      return "token expired at " + expiredAt + " (now " + now + "); request a new one";
    }
  }

  /** Authentic but not valid yet (its not-before time is ahead of this server's clock). */
  record NotYetValid(Instant notBefore, Instant now) implements Rejected {
    @Override
    public String message() {
      return "token is not valid before " + notBefore + " (now " + now + "); check the clocks "
          + "of the issuing and verifying servers";
    }
  }

  /** Authentic and current but issued for another service. */
  record WrongAudience(String expected, List<String> actual) implements Rejected {
    public WrongAudience {
      actual = List.copyOf(actual);
    }

    @Override
    public String message() {
      return "token is for " + actual + ", not for " + expected + "; request one with audience "
          + expected;
    }
  }

  /** Authentic, current, for this service, but lacking scopes this call needs. */
  record MissingScope(Set<String> missing, Set<String> granted) implements Rejected {
    public MissingScope {
      missing = Set.copyOf(missing);
      granted = Set.copyOf(granted);
    }

    @Override
    public String message() {
      return "token does not allow this: it lacks scope " + new TreeSet<>(missing)
          + " (it grants " + new TreeSet<>(granted) + ")";
    }
  }
}
