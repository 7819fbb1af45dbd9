package dev.fulcrum.gateway.archive;

import dev.fulcrum.controlplane.archive.ArchiveEntry;
import dev.fulcrum.controlplane.archive.RequestArchive;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.observe.RequestObserver;
import dev.fulcrum.gateway.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives every completed chat request, plain or streamed, off the event loop: {@link #observe}
 * only queues the outcome; the {@code fulcrum-archive-writer} thread turns what queued up into
 * records and writes them in one transaction per batch (encrypting each under its tenant's
 * key).
 *
 * <p>The archive is an observer, not a recorder: it is not on the fail-closed path. A record
 * that cannot be written (a full queue, a failing store or KEK) is logged and counted in {@code
 * fulcrum_archive_records_total}, and the client keeps its answer. Embeddings and failed requests
 * are not archived.
 *
 * <p>Thread-safe. {@link #close()} writes what was queued, then stops.
 */
public final class ArchiveWriter implements RequestObserver, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ArchiveWriter.class);
  static final int QUEUE = 10_000;
  static final int BATCH = 256;

  private final RequestArchive archive;
  private final InstantSource clock;
  private final BlockingQueue<Outcome.Completed> queue;
  private final Counter written;
  private final Counter failed;
  private final Counter dropped;
  private final Thread thread;
  private volatile boolean closing;
  private double droppedReported;

  private ArchiveWriter(RequestArchive archive, MeterRegistry meters, InstantSource clock,
      int capacity) {
    this.archive = archive;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.written = counter(meters, "written");
    this.failed = counter(meters, "failed");
    this.dropped = counter(meters, "dropped");
    this.thread = Thread.ofPlatform().name("fulcrum-archive-writer").daemon().unstarted(this::run);
  }

  /**
   * A writer with its thread started.
   *
   * @param meters where {@code fulcrum_archive_records_total} is counted
   * @param clock stamps each record with the time it is written
   */
  public static ArchiveWriter start(RequestArchive archive, MeterRegistry meters,
      InstantSource clock) {
    return start(archive, meters, clock, QUEUE);
  }

  /** A writer whose queue holds {@code capacity} records, for tests. */
  static ArchiveWriter start(RequestArchive archive, MeterRegistry meters, InstantSource clock,
      int capacity) {
    ArchiveWriter writer = new ArchiveWriter(archive, meters, clock, capacity);
    writer.thread.start();
    return writer;
  }

  @Override
  public void observe(Outcome outcome) {
    if (outcome instanceof Outcome.Completed done && done.request() != null
        && (closing || !queue.offer(done))) {
      dropped.increment();
    }
  }

  private void run() {
    List<Outcome.Completed> batch = new ArrayList<>(BATCH);
    try {
      while (!(closing && queue.isEmpty())) {
        Outcome.Completed first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
          write(batch);
          batch.clear();
        }
        reportDrops();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(List<Outcome.Completed> batch) {
    try {
      List<ArchiveEntry> entries = new ArrayList<>(batch.size());
      for (Outcome.Completed done : batch) {
        entries.add(new ArchiveEntry(done.context().requestId(), done.context().tenant(),
            clock.instant(), ArchiveDocument.of(done)));
      }
      archive.write(entries);
      written.increment(batch.size());
    } catch (RuntimeException e) {
      failed.increment(batch.size());
      log.warn("archive: {} record(s) could not be written, from request {} on; their answers "
          + "were delivered, the records are lost: {}", batch.size(),
          batch.getFirst().context().requestId(), e.toString());
    }
  }

  /** Logs drops once per stretch, not once per request. */
  private void reportDrops() {
    double total = dropped.count();
    if (total > droppedReported) {
      log.warn("archive: {} record(s) dropped because the archive writer fell behind (queue of "
          + "{}); their answers were delivered", (long) (total - droppedReported),
          queue.remainingCapacity() + queue.size());
      droppedReported = total;
    }
  }

  @Override
  public void close() {
    closing = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Outcome.Completed late; (late = queue.poll()) != null; ) { // queued while closing
      dropped.increment();
    }
  }

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder(MetricNames.ARCHIVE_RECORDS)
        .description("Completed chat requests handed to the encrypted archive, by outcome")
        .tag(MetricNames.Labels.OUTCOME, outcome)
        .register(meters);
  }
}
