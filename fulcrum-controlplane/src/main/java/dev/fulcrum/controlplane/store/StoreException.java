package dev.fulcrum.controlplane.store;

/** The store failed: unreachable, a constraint broke, a statement failed. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
