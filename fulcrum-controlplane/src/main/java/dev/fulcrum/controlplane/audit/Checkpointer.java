package dev.fulcrum.controlplane.audit;

import com.google.crypto.tink.PublicKeySign;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides when the unsigned tail of the log is due for a checkpoint (N events, or its oldest
 * event older than T) and writes one, inside the caller's transaction.
 */
final class Checkpointer {
  private static final int PAGE = 1000;

  private final PublicKeySign signer;
  private final long everyEvents;
  private final Duration everyDuration;

  Checkpointer(PublicKeySign signer, long everyEvents, Duration everyDuration) {
    this.signer = signer;
    this.everyEvents = everyEvents;
    this.everyDuration = everyDuration;
  }

  Duration everyDuration() {
    return everyDuration;
  }

  /**
   * Signs everything after the last checkpoint when due, or when {@code force}d and anything is
   * unsigned.
   */
  Optional<Checkpoint> checkpointIfDue(Connection c, Instant now, boolean force)
      throws SQLException {
    Optional<CheckpointTable.Row> previous = CheckpointTable.last(c);
    long signed = previous.map(CheckpointTable.Row::last).orElse(0L);
    Optional<StoredRow> head = AuditTable.last(c);
    if (head.isEmpty() || head.get().seq() <= signed) {
      return Optional.empty();
    }
    if (!force && !due(c, signed, head.get().seq(), now)) {
      return Optional.empty();
    }
    return Optional.of(write(c, previous, signed + 1, head.get(), now));
  }

  /** Whether any event is not yet covered by a checkpoint. */
  boolean hasUnsigned(Connection c) throws SQLException {
    long signed = CheckpointTable.last(c).map(CheckpointTable.Row::last).orElse(0L);
    return AuditTable.last(c).map(StoredRow::seq).orElse(0L) > signed;
  }

  private boolean due(Connection c, long signed, long head, Instant now) throws SQLException {
    if (head - signed >= everyEvents) {
      return true;
    }
    long oldest = AuditTable.at(c, signed + 1).map(StoredRow::ts).orElse(now.toEpochMilli());
    return !now.isBefore(Instant.ofEpochMilli(oldest).plus(everyDuration));
  }

  private Checkpoint write(Connection c, Optional<CheckpointTable.Row> previous, long first,
      StoredRow head, Instant now) throws SQLException {
    MerkleTree tree = new MerkleTree();
    for (long after = first - 1; after < head.seq(); ) {
      List<StoredRow> page = AuditTable.after(c, after, PAGE);
      for (StoredRow row : page) {
        if (row.seq() <= head.seq()) {
          tree.add(row.body());
        }
      }
      after = page.isEmpty() ? head.seq() : page.getLast().seq();
    }
    long number = previous.map(CheckpointTable.Row::number).orElse(0L) + 1;
    Sha256 link = previous.map(p -> Sha256.ofUtf8(p.statement())).orElse(Sha256.ZERO);
    String statement = CheckpointCodec.statement(number, first, head.seq(), now, tree.root(),
        new Sha256(head.hash()), link);
    Checkpoint checkpoint = new Checkpoint(number, first, head.seq(), now, tree.root(),
        new Sha256(head.hash()), link, statement, sign(statement));
    CheckpointTable.insert(c, checkpoint);
    return checkpoint;
  }

  private byte[] sign(String statement) {
    try {
      return signer.sign(statement.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign an audit checkpoint", e);
    }
  }
}
