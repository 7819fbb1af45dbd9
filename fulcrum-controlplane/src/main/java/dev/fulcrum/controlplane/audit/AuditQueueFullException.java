package dev.fulcrum.controlplane.audit;

/** Backpressure: the writer already has as many events waiting as it is allowed to hold. */
public final class AuditQueueFullException extends AuditException {
  public AuditQueueFullException(int capacity) {
    super("the audit log is behind: " + capacity + " events are already waiting to be written; "
        + "the request is refused so that nothing is served unaudited", null);
  }
}
