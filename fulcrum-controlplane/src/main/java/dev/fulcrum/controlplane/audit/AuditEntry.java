package dev.fulcrum.controlplane.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored event as read back by a query.
 *
 * @param sequence its position in the log
 * @param timestamp when it was written
 * @param event what happened
 * @param hash its chain hash
 */
public record AuditEntry(long sequence, Instant timestamp, AuditEvent event, Sha256 hash) {
  public AuditEntry {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(hash, "hash");
  }

  /** The event's fields as canonical JSON, exactly as they are hashed into the chain. */
  public String eventJson() {
    return AuditCodec.event(event);
  }
}
