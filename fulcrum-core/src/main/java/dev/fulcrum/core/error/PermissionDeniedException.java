package dev.fulcrum.core.error;

/** The caller is known but may not do this (HTTP 403). */
public final class PermissionDeniedException extends NonRetriableException {
  public PermissionDeniedException(String message) {
    super(message, null);
  }
}
