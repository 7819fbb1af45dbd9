package dev.fulcrum.controlplane.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof that an event was committed durably: where it sits in the log and its chain hash.
 *
 * @param sequence the event's position, 1, 2, 3, …
 * @param timestamp when the writer stamped it (millisecond precision)
 * @param hash the chain hash {@code SHA-256(previous hash || canonical bytes)}
 */
public record Receipt(long sequence, Instant timestamp, Sha256 hash) {
  public Receipt {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence numbers start at 1");
    }
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(hash, "hash");
  }
}
