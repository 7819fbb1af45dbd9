package dev.fulcrum.controlplane.audit;

/**
 * Something the audit log records: a request the gateway served ({@link RequestServed}) or refused
 * ({@link RequestRefused}), or a change to the control plane ({@link ControlChange}).
 *
 * <p>Events hold identifiers, counts, reasons and SHA-256 digests only. Raw prompt or response
 * text, API keys and other secrets never belong in an event; callers digest content with {@link
 * Sha256#of} before building one. Text fields are bounded in length and must be valid Unicode.
 */
public sealed interface AuditEvent permits RequestServed, RequestRefused, ControlChange {

  /** The stable type name stored with the event: {@code request.served}, … */
  default String type() {
    return switch (this) {
      case RequestServed served -> RequestServed.TYPE;
      case RequestRefused refused -> RequestRefused.TYPE;
      case ControlChange change -> ControlChange.TYPE;
    };
  }
}
