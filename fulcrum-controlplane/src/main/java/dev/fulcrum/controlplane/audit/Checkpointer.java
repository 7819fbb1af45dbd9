package dev.fulcrum.controlplane.audit;

import com.google.crypto.tink.PublicKeySign;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

  /** Reads what the store holds after the last checkpoint, up to {@code head}. */
  ChainTail load(Connection c, ChainTail.Head head) throws SQLException {
    Optional<CheckpointTable.Row> previous = CheckpointTable.last(c);
    long signed = previous.map(CheckpointTable.Row::last).orElse(0L);
    long number = previous.map(CheckpointTable.Row::number).orElse(0L);
    Sha256 link = previous.map(p -> Sha256.ofUtf8(p.statement())).orElse(Sha256.ZERO);
    if (head.seq() <= signed) {
      return new ChainTail(head, number, link, signed, 0, new ArrayList<>());
    }
    long firstTs = AuditTable.at(c, signed + 1).map(StoredRow::ts).orElse(head.ts());
    return new ChainTail(head, number, link, signed, firstTs, null);
  }

  /**
   * Signs everything after the last checkpoint when due (N events, or the oldest older than T),
   * or when {@code force}d and anything is unsigned; {@code tail} then records it.
   */
  Optional<Checkpoint> checkpointIfDue(Connection c, ChainTail tail, Instant now, boolean force)
      throws SQLException {
    if (tail.unsigned() <= 0) {
      return Optional.empty();
    }
    boolean due = tail.unsigned() >= everyEvents
        || !now.isBefore(Instant.ofEpochMilli(tail.firstUnsignedTs()).plus(everyDuration));
    if (!force && !due) {
      return Optional.empty();
    }
    Checkpoint checkpoint = write(c, tail, now);
    tail.signed(checkpoint);
    return Optional.of(checkpoint);
  }

  private Checkpoint write(Connection c, ChainTail tail, Instant now) throws SQLException {
    long first = tail.signedThrough() + 1;
    ChainTail.Head head = tail.head();
    MerkleTree tree = new MerkleTree();
    if (tail.leaves() != null && tail.leaves().size() == tail.unsigned()) {
      tail.leaves().forEach(tree::addLeafHash);
    } else {
      for (long after = first - 1; after < head.seq(); ) {
        List<StoredRow> page = AuditTable.after(c, after, PAGE);
        for (StoredRow row : page) {
          if (row.seq() <= head.seq()) {
            tree.add(row.body());
          }
        }
        after = page.isEmpty() ? head.seq() : page.getLast().seq();
      }
    }
    long number = tail.checkpoint() + 1;
    String statement = CheckpointCodec.statement(number, first, head.seq(), now, tree.root(),
        head.hash(), tail.link());
    Checkpoint checkpoint = new Checkpoint(number, first, head.seq(), now, tree.root(),
        head.hash(), tail.link(), statement, sign(statement));
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
