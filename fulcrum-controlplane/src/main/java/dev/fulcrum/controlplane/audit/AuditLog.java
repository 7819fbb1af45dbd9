package dev.fulcrum.controlplane.audit;

import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.store.Database;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The append-only, hash-chained, periodically signed audit log (format and checkpoint design in
 * {@code package-info}).
 *
 * <p><b>Durability and failure.</b> {@link #append} hands the event to a single writer that
 * batches concurrent appends into one transaction (group commit). The returned stage completes
 * only after that transaction commits — SQLite in WAL mode with {@code synchronous=FULL},
 * PostgreSQL with {@code synchronous_commit=on} — so an acknowledged event survives a crash. Audit
 * fails closed: when the store fails, the queue is full or the log is closed, the stage completes
 * exceptionally with an {@link AuditException} and the caller must refuse the request.
 *
 * <p><b>Threading.</b> Thread-safe. Stages complete on the writer thread: attach only short
 * callbacks with the non-async methods, or use the {@code *Async} variants. Queries run on the
 * caller's thread, one short transaction per page.
 */
public interface AuditLog extends AutoCloseable {

  /**
   * Queues an event for the next group commit.
   *
   * @return completes with the receipt once the event is durable, or exceptionally with {@link
   *     AuditStoreException}, {@link AuditQueueFullException} or {@link AuditClosedException}
   */
  CompletionStage<Receipt> append(AuditEvent event);

  /**
   * Signs everything not yet covered by a checkpoint now, in order after every append already
   * queued.
   *
   * @return the new checkpoint, or empty when nothing was unsigned
   */
  CompletionStage<Optional<Checkpoint>> checkpoint();

  /**
   * One page of events matching {@code query}, oldest first.
   *
   * @throws AuditStoreException when the store fails or a stored event is unreadable (run the
   *     verifier)
   */
  AuditPage query(AuditQuery query);

  /**
   * Writes every event matching {@code query} (from its cursor on, ignoring its limit) as JSON
   * Lines: {@code {"entry":<canonical bytes verbatim>,"hash":"…","prev":"…"}}, one per line, so
   * a complete export can be re-verified without the database.
   *
   * @return how many lines were written
   * @throws AuditStoreException when the store fails
   */
  long exportJsonl(AuditQuery query, Writer out) throws IOException;

  /** Every checkpoint, oldest first. */
  List<Checkpoint> checkpoints();

  /** The public keyset (Tink JSON) that verifies checkpoint signatures: publish it. */
  String publicKeysetJson();

  /**
   * Stops accepting events, commits those already accepted, signs the unsigned tail, and stops
   * the writer. Does not close the {@link Database}.
   */
  @Override
  void close();

  /**
   * Starts configuring a log kept in {@code db}, signing checkpoints with the Ed25519 keyset in
   * {@code signingKeys} (generated on first use).
   */
  static Builder builder(Database db, KeysetSource signingKeys) {
    return new Builder(db, signingKeys);
  }

  /**
   * Configuration. Defaults: system clock; queue of 10,000 events; batches of up to 500; a
   * checkpoint every 1,000 events or 60 seconds, whichever comes first.
   */
  final class Builder {
    final Database db;
    final KeysetSource signingKeys;
    InstantSource clock = InstantSource.system();
    int queueCapacity = 10_000;
    int maxBatchSize = 500;
    long checkpointEveryEvents = 1_000;
    Duration checkpointEvery = Duration.ofSeconds(60);

    private Builder(Database db, KeysetSource signingKeys) {
      this.db = Objects.requireNonNull(db, "db");
      this.signingKeys = Objects.requireNonNull(signingKeys, "signingKeys");
    }

    /** The clock that stamps events and checkpoints. */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How many events may wait for the writer before appends are refused (backpressure). */
    public Builder queueCapacity(int queueCapacity) {
      this.queueCapacity = positive(queueCapacity, "queueCapacity");
      return this;
    }

    /**
     * The most events one transaction commits; {@code 1} means one transaction per event (no
     * group commit), useful only as a baseline.
     */
    public Builder maxBatchSize(int maxBatchSize) {
      this.maxBatchSize = positive(maxBatchSize, "maxBatchSize");
      return this;
    }

    /** Sign a checkpoint once {@code events} are unsigned or the oldest is {@code time} old. */
    public Builder checkpointEvery(long events, Duration time) {
      if (events < 1 || time.isNegative() || time.isZero()) {
        throw new IllegalArgumentException("checkpoints need a positive event count and time");
      }
      this.checkpointEveryEvents = events;
      this.checkpointEvery = time;
      return this;
    }

    /**
     * Creates or upgrades the audit tables, loads or generates the signing key, and starts the
     * writer.
     *
     * @throws dev.fulcrum.controlplane.store.StoreException when the store fails
     * @throws dev.fulcrum.controlplane.keys.KeysetException when the signing keyset is unusable
     * @throws IllegalStateException when SQLite is not configured for durable commits
     */
    public AuditLog build() {
      AuditSchema.apply(db);
      Durability.require(db);
      return StoredAuditLog.start(this,
          signingKeys.loadOrGenerate(PredefinedSignatureParameters.ED25519));
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1");
      }
      return value;
    }
  }
}
