package dev.fulcrum.controlplane.audit;

/**
 * An event was not recorded. Audit fails closed: the gateway refuses the request (HTTP 503)
 * rather than serve it unaudited. Subtypes say why: {@link AuditStoreException} (the store
 * failed; the whole batch was rolled back), {@link AuditQueueFullException} (backpressure: more
 * events are waiting than the configured bound), {@link AuditClosedException} (shutting down).
 * All three are worth retrying later; messages never contain event content.
 */
public abstract sealed class AuditException extends RuntimeException
    permits AuditStoreException, AuditQueueFullException, AuditClosedException {

  AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
