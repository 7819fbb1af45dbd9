package dev.fulcrum.controlplane.audit;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import dev.fulcrum.controlplane.keys.Keysets;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.StoreException;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link AuditLog} over {@code audit_events} and {@code audit_checkpoints}. */
final class StoredAuditLog implements AuditLog {
  private final Database db;
  private final GroupCommitWriter writer;
  private final String publicKeyset;

  private StoredAuditLog(Database db, GroupCommitWriter writer, String publicKeyset) {
    this.db = db;
    this.writer = writer;
    this.publicKeyset = publicKeyset;
  }

  static StoredAuditLog start(Builder config, KeysetHandle signingKeys) {
    Checkpointer checkpointer = new Checkpointer(Keysets.primitive(signingKeys,
        PublicKeySign.class), config.checkpointEveryEvents, config.checkpointEvery);
    GroupCommitWriter writer = new GroupCommitWriter(config.db, config.clock, checkpointer,
        config.queueCapacity, config.maxBatchSize);
    StoredAuditLog log = new StoredAuditLog(config.db, writer,
        Keysets.publicKeysetJson(signingKeys));
    writer.start();
    return log;
  }

  @Override
  public CompletionStage<Receipt> append(AuditEvent event) {
    return writer.append(Objects.requireNonNull(event, "event"));
  }

  @Override
  public CompletionStage<Optional<Checkpoint>> checkpoint() {
    return writer.checkpoint();
  }

  @Override
  public AuditPage query(AuditQuery query) {
    List<StoredRow> rows = read(c -> AuditTable.query(c, query));
    boolean more = rows.size() > query.limit();
    List<AuditEntry> entries = new ArrayList<>(Math.min(rows.size(), query.limit()));
    for (StoredRow row : rows.subList(0, Math.min(rows.size(), query.limit()))) {
      entries.add(entry(row));
    }
    return new AuditPage(entries, more);
  }

  @Override
  public long exportJsonl(AuditQuery query, Writer out) throws IOException {
    long written = 0;
    for (AuditQuery page = query; ; ) {
      AuditQuery current = page;
      List<StoredRow> rows = read(c -> AuditTable.query(c, current));
      for (StoredRow row : rows.subList(0, Math.min(rows.size(), page.limit()))) {
        out.write("{\"entry\":" + row.body() + ",\"hash\":\"" + row.hash() + "\",\"prev\":\""
            + row.prevHash() + "\"}\n");
        written++;
      }
      if (rows.size() <= page.limit()) {
        out.flush();
        return written;
      }
      page = page.after(rows.get(page.limit() - 1).seq());
    }
  }

  @Override
  public List<Checkpoint> checkpoints() {
    List<CheckpointTable.Row> rows = read(CheckpointTable::all);
    List<Checkpoint> checkpoints = new ArrayList<>(rows.size());
    for (CheckpointTable.Row row : rows) {
      try {
        checkpoints.add(CheckpointCodec.parse(row.statement(), row.signatureBytes()));
      } catch (IllegalArgumentException e) {
        throw new AuditStoreException("audit checkpoint " + row.number() + " is unreadable ("
            + e.getMessage() + "); run the audit verifier", e);
      }
    }
    return checkpoints;
  }

  @Override
  public String publicKeysetJson() {
    return publicKeyset;
  }

  @Override
  public void close() {
    writer.close();
  }

  private static AuditEntry entry(StoredRow row) {
    try {
      AuditCodec.Decoded decoded = AuditCodec.decode(row.body());
      return new AuditEntry(row.seq(), decoded.timestamp(), decoded.event(),
          new Sha256(row.hash()));
    } catch (RuntimeException e) {
      throw new AuditStoreException("audit event " + row.seq() + " is unreadable ("
          + e.getMessage() + "); run the audit verifier", e);
    }
  }

  private <T> T read(Database.Work<T> work) {
    try {
      return db.transaction(work);
    } catch (StoreException e) {
      throw new AuditStoreException("the audit store failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "AuditLog[" + db + "]";
  }
}
