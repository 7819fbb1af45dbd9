package dev.fulcrum.core.error;

/**
 * Root of every failure Fulcrum reports on purpose.
 *
 * <p>The tree is closed and split by what a caller can do about it: {@link RetriableException}
 * (try again, perhaps elsewhere) and {@link NonRetriableException} (the same request will fail
 * again). The gateway maps each leaf to an HTTP status in exactly one place, so a message here
 * is written for the person reading the API response: it says what went wrong and how to fix it,
 * and it never contains prompt text, secrets or stack traces.
 */
public abstract sealed class FulcrumException extends RuntimeException
    permits RetriableException, NonRetriableException {

  FulcrumException(String message, Throwable cause) {
    super(message, cause, false, cause != null);
  }

  /** Whether the same request may succeed if sent again (possibly to another backend). */
  public abstract boolean retriable();
}
