package dev.fulcrum.core.error;

/** A failure that will repeat for the same request: the caller must change something. */
public abstract sealed class NonRetriableException extends FulcrumException
    permits InvalidRequestException, AuthenticationException, PermissionDeniedException,
        NotFoundException, PayloadTooLargeException, UpstreamRejectedException {

  NonRetriableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public final boolean retriable() {
    return false;
  }
}
