package dev.fulcrum.controlplane.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed statement over a range of the log.
 *
 * @param number 1, 2, 3, … without gaps
 * @param firstSequence the first event it covers (the previous checkpoint's last + 1)
 * @param lastSequence the last event it covers
 * @param timestamp when it was signed
 * @param merkleRoot the RFC 6962 Merkle root over the canonical bytes of the covered events
 * @param headHash the chain hash of event {@code lastSequence}
 * @param previous SHA-256 of the previous checkpoint's statement ({@link Sha256#ZERO} for the
 *     first)
 * @param statement the canonical JSON that was signed
 * @param signature the Tink Ed25519 signature over the UTF-8 statement
 */
public record Checkpoint(long number, long firstSequence, long lastSequence, Instant timestamp,
    Sha256 merkleRoot, Sha256 headHash, Sha256 previous, String statement, byte[] signature) {
  public Checkpoint {
    if (number < 1 || firstSequence < 1 || lastSequence < firstSequence) {
      throw new IllegalArgumentException("a checkpoint covers events first..last with "
          + "1 <= first <= last");
    }
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(merkleRoot, "merkleRoot");
    Objects.requireNonNull(headHash, "headHash");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(statement, "statement");
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Checkpoint c && c.statement.equals(statement)
        && java.util.Arrays.equals(c.signature, signature);
  }

  @Override
  public int hashCode() {
    return statement.hashCode();
  }

  @Override
  public String toString() {
    return "Checkpoint[#" + number + " events " + firstSequence + ".." + lastSequence + ", root "
        + merkleRoot.hex() + "]";
  }
}
