package dev.fulcrum.controlplane.audit;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import dev.fulcrum.controlplane.audit.Finding.Kind;
import dev.fulcrum.controlplane.keys.Keysets;
import dev.fulcrum.controlplane.store.Database;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-checks a stored audit log from its first event: every row's hash, canonical form, position
 * and link, and every checkpoint's signature, sequence and Merkle root. Reports the first bad
 * event and what is wrong with it ({@link Finding.Kind}: modified, deleted, inserted, reordered,
 * truncated, bad checkpoint).
 *
 * <p>Needs only the public key. Reads the store in pages of short transactions, so it can run
 * beside a live writer; events appended during a run are checked if the walk reaches them.
 *
 * <p>Limits, by construction: deleting or rewriting events after the last checkpoint, together
 * with their chain hashes, cannot be told from a log that simply ends there; nor can deleting the
 * newest checkpoints with the events they cover. Publishing checkpoints (or their statements)
 * outside the database closes that gap.
 */
public final class AuditVerifier {
  private static final int PAGE = 1000;

  private final Database db;
  private final RowChecks rows;
  private final CheckpointChecks checkpoints;

  private AuditVerifier(Database db, PublicKeyVerify verifier) {
    this.db = db;
    this.rows = new RowChecks(db);
    this.checkpoints = new CheckpointChecks(verifier);
  }

  /**
   * A verifier for the log in {@code db} whose checkpoints must verify with {@code
   * publicKeyset} (see {@link AuditLog#publicKeysetJson()}).
   *
   * @throws dev.fulcrum.controlplane.keys.KeysetException when it is not a signature keyset
   */
  public static AuditVerifier create(Database db, KeysetHandle publicKeyset) {
    return new AuditVerifier(Objects.requireNonNull(db, "db"),
        Keysets.primitive(publicKeyset, PublicKeyVerify.class));
  }

  /** As {@link #create(Database, KeysetHandle)}, with the key as exported Tink JSON. */
  public static AuditVerifier create(Database db, String publicKeysetJson) {
    return create(db, Keysets.parsePublicKeyset(publicKeysetJson));
  }

  /**
   * Walks the whole log.
   *
   * @throws dev.fulcrum.controlplane.store.StoreException when the store cannot be read
   */
  public Verification verify() {
    List<CheckpointTable.Row> signed = db.transaction(CheckpointTable::all);
    Walk walk = new Walk();
    for (long after = 0; ; ) {
      long cursor = after;
      List<StoredRow> page = db.transaction(c -> AuditTable.after(c, cursor, PAGE));
      if (page.isEmpty()) {
        break;
      }
      for (StoredRow row : page) {
        Optional<Finding> finding = rows.check(row, walk.next, walk.head);
        if (finding.isEmpty()) {
          walk.accept(row);
          finding = checkpointsEndingAt(row.seq(), signed, walk);
        }
        if (finding.isPresent()) {
          return new Verification.Broken(finding.get(), walk.events);
        }
      }
      after = page.getLast().seq();
    }
    return end(signed, walk);
  }

  private Optional<Finding> checkpointsEndingAt(long seq, List<CheckpointTable.Row> signed,
      Walk walk) {
    while (walk.checkpoints < signed.size() && signed.get(walk.checkpoints).last() <= seq) {
      CheckpointTable.Row row = signed.get(walk.checkpoints);
      Optional<Finding> finding = checkpoints.check(row, walk.checkpoints + 1L, walk.rangeStart,
          walk.tree.root(), walk.head, walk.previousStatement);
      if (finding.isPresent()) {
        return finding;
      }
      walk.signed(row);
    }
    return Optional.empty();
  }

  private Verification end(List<CheckpointTable.Row> signed, Walk walk) {
    if (walk.checkpoints == signed.size()) {
      return new Verification.Intact(walk.events, walk.checkpoints, walk.rangeStart - 1);
    }
    CheckpointTable.Row row = signed.get(walk.checkpoints);
    String name = "checkpoint #" + row.number();
    if (checkpoints.signed(row).isEmpty()) {
      return new Verification.Broken(new Finding(Kind.BAD_CHECKPOINT, walk.rangeStart, name
          + " is unreadable or its signature does not verify with the published key"),
          walk.events);
    }
    return new Verification.Broken(new Finding(Kind.TRUNCATED, walk.next, "the log ends at "
        + "event " + (walk.next - 1) + " but " + name + " signed events " + row.first() + ".."
        + row.last() + ": events " + walk.next + ".." + row.last() + " were removed"),
        walk.events);
  }

  /** Where the walk stands: the verified prefix and the open checkpoint range. */
  private static final class Walk {
    long next = 1;
    long events;
    Sha256 head = Sha256.ZERO;
    int checkpoints;
    long rangeStart = 1;
    Sha256 previousStatement = Sha256.ZERO;
    MerkleTree tree = new MerkleTree();

    void accept(StoredRow row) {
      next = row.seq() + 1;
      events++;
      head = new Sha256(row.hash());
      tree.add(row.body());
    }

    void signed(CheckpointTable.Row row) {
      checkpoints++;
      rangeStart = row.last() + 1;
      previousStatement = Sha256.ofUtf8(row.statement());
      tree = new MerkleTree();
    }
  }

  @Override
  public String toString() {
    return "AuditVerifier[" + db + "]";
  }
}
