package dev.fulcrum.core.error;

/** No credential, or one Fulcrum does not recognise (HTTP 401). */
public final class AuthenticationException extends NonRetriableException {
  public AuthenticationException(String message) {
    super(message, null);
  }
}
