package dev.fulcrum.controlplane.audit;

/** The store failed while committing the batch holding this event; nothing in it was recorded. */
public final class AuditStoreException extends AuditException {
  public AuditStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
