package dev.fulcrum.controlplane.audit;

import dev.fulcrum.controlplane.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer behind {@link AuditLog#append}: drains the bounded queue into batches and
 * commits each batch in one transaction, completing receipts only after the commit returns.
 *
 * <p>Design notes. Batching is natural, not timed: while one batch commits (and fsyncs), the next
 * accumulates, so a lone event is written at once and a crowd shares one commit. The writer
 * keeps what its last commit left ({@link ChainTail}: head, last checkpoint, Merkle leaves of the
 * unsigned events) and drops it after any failure, so a failed or ambiguous commit leaves no
 * stale state behind. Another writer on the same store is noticed two ways: on PostgreSQL, where
 * several gateway replicas extend one chain in turn under an advisory lock, each transaction
 * reads the head back (one indexed row) and reloads the tail when it is not the one cached; on
 * SQLite, usually one process, the writer trusts its cache, and a position or checkpoint number
 * that another writer took fails the insert on its primary key ({@link KeyConflict}), after which
 * the batch is retried once on the stored tail. Closing is race-free without locks:
 * an appender that sees {@code stopped} after enqueueing takes its job back out; whichever side
 * removes a job completes it.
 */
final class GroupCommitWriter {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final long PG_LOCK = 0x66756c6372756d41L; // "fulcrumA"

  private sealed interface Job permits Append, Flush, Wake {}

  private record Append(AuditEvent event, String eventJson, CompletableFuture<Receipt> done)
      implements Job {}

  private record Flush(CompletableFuture<Optional<Checkpoint>> done) implements Job {}

  /** Wakes the writer when closing, so it need not wait out its poll. */
  private record Wake() implements Job {}

  private static final Wake WAKE = new Wake();

  private final Database db;
  private final InstantSource clock;
  private final Checkpointer checkpointer;
  private final int capacity;
  private final int maxBatch;
  private final long pollMillis;
  private final BlockingQueue<Job> queue;
  private final Thread thread;
  private volatile boolean stopping;
  private volatile boolean stopped;
  private boolean maybeUnsigned = true;
  private ChainTail tail; // what the last committed transaction left; null = read the store

  GroupCommitWriter(Database db, InstantSource clock, Checkpointer checkpointer, int capacity,
      int maxBatch) {
    this.db = db;
    this.clock = clock;
    this.checkpointer = checkpointer;
    this.capacity = capacity;
    this.maxBatch = maxBatch;
    this.pollMillis = Math.clamp(checkpointer.everyDuration().toMillis() / 4, 10, 1000);
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = Thread.ofPlatform().name("fulcrum-audit-writer").daemon().unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  CompletableFuture<Receipt> append(AuditEvent event) {
    CompletableFuture<Receipt> done = new CompletableFuture<>();
    enqueue(new Append(event, AuditCodec.event(event), done), done);
    return done;
  }

  CompletableFuture<Optional<Checkpoint>> checkpoint() {
    CompletableFuture<Optional<Checkpoint>> done = new CompletableFuture<>();
    enqueue(new Flush(done), done);
    return done;
  }

  private void enqueue(Job job, CompletableFuture<?> done) {
    if (stopping) {
      done.completeExceptionally(new AuditClosedException());
    } else if (!queue.offer(job)) {
      done.completeExceptionally(new AuditQueueFullException(capacity));
    } else if (stopped && queue.remove(job)) {
      done.completeExceptionally(new AuditClosedException());
    }
  }

  /** Stops accepting, writes what was accepted, signs the tail, and waits for the thread. */
  void close() {
    stopping = true;
    queue.offer(WAKE); // when full, the writer is busy and sees stopping once it drains
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Job> batch = new ArrayList<>(maxBatch);
    try {
      while (true) {
        Job first = queue.poll(pollMillis, TimeUnit.MILLISECONDS);
        if (first == null || first == WAKE) {
          if (stopping && queue.isEmpty()) {
            break;
          }
          if (first == null) {
            timedCheckpoint(false);
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        process(batch);
        batch.clear();
      }
      timedCheckpoint(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped = true;
      for (Job job; (job = queue.poll()) != null; ) {
        done(job).completeExceptionally(new AuditClosedException());
      }
    }
  }

  private void process(List<Job> batch) {
    List<Append> appends = new ArrayList<>(batch.size());
    for (Job job : batch) {
      switch (job) {
        case Append append -> appends.add(append);
        case Flush flush -> {
          commit(appends);
          appends.clear();
          flush(flush);
        }
        case Wake wake -> { }
      }
    }
    commit(appends);
  }

  private void commit(List<Append> appends) {
    if (appends.isEmpty()) {
      return;
    }
    List<Receipt> receipts;
    try {
      receipts = transaction(c -> write(c, appends));
    } catch (RuntimeException | Error e) {
      AuditStoreException failure = new AuditStoreException("the audit store failed ("
          + describe(e) + "); " + appends.size() + " events were not recorded", e);
      log.warn("audit: {}", failure.getMessage());
      appends.forEach(a -> a.done().completeExceptionally(failure));
      if (e instanceof Error error) {
        throw error; // the writer dies; run() fails whatever is still queued
      }
      return;
    }
    maybeUnsigned = true;
    for (int i = 0; i < appends.size(); i++) {
      appends.get(i).done().complete(receipts.get(i));
    }
  }

  private List<Receipt> write(Connection c, List<Append> appends) throws SQLException {
    ChainTail tail = tail(c);
    long seq = tail.head().seq();
    Sha256 prev = tail.head().hash();
    Instant now = now(tail.head().ts());
    List<StoredRow> rows = new ArrayList<>(appends.size());
    List<Receipt> receipts = new ArrayList<>(appends.size());
    for (Append append : appends) {
      seq++;
      String body = AuditCodec.entry(seq, now, append.event().type(), append.eventJson());
      Sha256 hash = AuditCodec.chain(prev, body);
      rows.add(StoredRow.of(seq, now.toEpochMilli(), append.event(), body, prev, hash));
      receipts.add(new Receipt(seq, now, hash));
      tail.append(seq, now.toEpochMilli(), hash, body);
      prev = hash;
    }
    AuditTable.insert(c, rows);
    checkpointer.checkpointIfDue(c, tail, now, false);
    return receipts;
  }

  private void flush(Flush flush) {
    try {
      flush.done().complete(transaction(c -> {
        ChainTail tail = tail(c);
        return checkpointer.checkpointIfDue(c, tail, now(tail.head().ts()), true);
      }));
      maybeUnsigned = false;
    } catch (RuntimeException e) {
      flush.done().completeExceptionally(new AuditStoreException("the audit store failed ("
          + describe(e) + "); no checkpoint was written", e));
    }
  }

  private void timedCheckpoint(boolean force) {
    if (!maybeUnsigned) {
      return;
    }
    try {
      maybeUnsigned = transaction(c -> {
        ChainTail tail = tail(c);
        checkpointer.checkpointIfDue(c, tail, now(tail.head().ts()), force);
        return tail.unsigned() > 0;
      });
    } catch (RuntimeException e) {
      log.warn("audit: checkpoint failed ({}); will retry", describe(e));
    }
  }

  /**
   * A writer transaction. What it learns of the tail is kept only when it commits: after any
   * failure the next transaction reads the store again. A transaction that relied on the cached
   * tail and met another writer's key changed nothing; it runs once more on the stored tail.
   */
  private <T> T transaction(Database.Work<T> work) {
    boolean cached = tail != null;
    try {
      return attempt(work);
    } catch (RuntimeException e) {
      if (!cached || !KeyConflict.causes(e)) {
        throw e;
      }
      log.debug("audit: another writer extended the log; retrying on the stored tail");
      return attempt(work);
    }
  }

  private <T> T attempt(Database.Work<T> work) {
    try {
      return db.transaction(c -> {
        prepare(c);
        return work.run(c);
      });
    } catch (RuntimeException | Error e) {
      tail = null;
      throw e;
    }
  }

  /**
   * The tail to extend: the cached one (on PostgreSQL only while the store's head is the one
   * this writer left), else what the store holds.
   */
  private ChainTail tail(Connection c) throws SQLException {
    if (tail != null && db.dialect() == Database.Dialect.SQLITE) {
      return tail;
    }
    ChainTail.Head head = AuditTable.head(c);
    if (tail == null || !tail.head().equals(head)) {
      tail = checkpointer.load(c, head);
    }
    return tail;
  }

  /** Serializes writers across replicas and insists on a durable commit (PostgreSQL). */
  private void prepare(Connection c) throws SQLException {
    if (db.dialect() == Database.Dialect.POSTGRESQL) {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, PG_LOCK);
        lock.execute();
      }
      try (Statement durable = c.createStatement()) {
        durable.execute("SET LOCAL synchronous_commit TO ON");
      }
    }
  }

  /** The clock in milliseconds, never behind the last stored event. */
  private Instant now(long lastMillis) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return now.toEpochMilli() < lastMillis ? Instant.ofEpochMilli(lastMillis) : now;
  }

  private static CompletableFuture<?> done(Job job) {
    return switch (job) {
      case Append append -> append.done();
      case Flush flush -> flush.done();
      case Wake wake -> new CompletableFuture<>();
    };
  }

  private static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return "SQLState " + sql.getSQLState();
      }
    }
    return e.getClass().getSimpleName();
  }
}
