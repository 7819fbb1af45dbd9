package dev.fulcrum.controlplane.audit;

/** The audit log is closed (the process is shutting down); nothing more is accepted. */
public final class AuditClosedException extends AuditException {
  public AuditClosedException() {
    super("the audit log is closed; no further events are accepted", null);
  }
}
