package dev.fulcrum.controlplane.audit;

import com.google.crypto.tink.PublicKeyVerify;
import dev.fulcrum.controlplane.audit.Finding.Kind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * The checks on one checkpoint once the walk reaches the end of its range: readable, signed by
 * the published key, consistent with its columns, next in number, contiguous with and linked to
 * the previous one, and matching the Merkle root and head hash recomputed from the events.
 */
final class CheckpointChecks {
  private final PublicKeyVerify verifier;

  CheckpointChecks(PublicKeyVerify verifier) {
    this.verifier = verifier;
  }

  /** The checkpoint, when its statement is readable and its signature verifies. */
  Optional<Checkpoint> signed(CheckpointTable.Row row) {
    try {
      Checkpoint checkpoint = CheckpointCodec.parse(row.statement(), row.signatureBytes());
      verifier.verify(row.signatureBytes(), row.statement().getBytes(StandardCharsets.UTF_8));
      return Optional.of(checkpoint);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * @param expectedNumber the number it must carry
   * @param first where its range must start
   * @param root the Merkle root of the events {@code first..row.last}
   * @param head the chain hash of event {@code row.last}
   * @param previous the SHA-256 of the previous statement
   */
  Optional<Finding> check(CheckpointTable.Row row, long expectedNumber, long first, Sha256 root,
      Sha256 head, Sha256 previous) {
    String name = "checkpoint #" + row.number();
    Optional<Checkpoint> signed = signed(row);
    if (signed.isEmpty()) {
      return bad(first, name + " is unreadable or its signature does not verify with the "
          + "published key");
    }
    Checkpoint c = signed.get();
    if (c.number() != row.number() || c.firstSequence() != row.first()
        || c.lastSequence() != row.last() || c.timestamp().toEpochMilli() != row.ts()) {
      return bad(first, name + "'s columns disagree with its signed statement");
    }
    if (c.number() != expectedNumber) {
      return bad(first, name + " follows checkpoint #" + (expectedNumber - 1)
          + ": checkpoints are missing");
    }
    if (c.firstSequence() != first || !c.previous().equals(previous)) {
      return bad(first, name + " does not continue checkpoint #" + (expectedNumber - 1)
          + " (it starts at event " + c.firstSequence() + ", expected " + first + ")");
    }
    if (!c.merkleRoot().equals(root) || !c.headHash().equals(head)) {
      return bad(first, "events " + first + ".." + c.lastSequence() + " do not match " + name
          + "'s signed Merkle root: an event in this range was rewritten together with every "
          + "later chain hash");
    }
    return Optional.empty();
  }

  private static Optional<Finding> bad(long sequence, String detail) {
    return Optional.of(new Finding(Kind.BAD_CHECKPOINT, sequence, detail));
  }
}
