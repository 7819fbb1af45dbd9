package dev.fulcrum.controlplane.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UsageLedger} over {@link UsageTable}. One writer thread does every store write and every
 * re-read of the month's spend, so a re-read never overlaps a batch being written: the store's
 * sum plus what is still pending is then always the whole spend, neither counted twice nor
 * missed.
 */
final class StoredUsageLedger implements UsageLedger {
  private static final Logger log = LoggerFactory.getLogger(StoredUsageLedger.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final BigDecimal NANOS_PER_USD = BigDecimal.valueOf(1_000_000_000L);

  private final UsageTable table;
  private final InstantSource clock;
  private final Pending pending;
  private final ScheduledExecutorService writer;

  private StoredUsageLedger(UsageTable table, InstantSource clock) {
    this.table = table;
    this.clock = clock;
    this.pending = new Pending(YearMonth.from(today()));
    this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "fulcrum-usage-writer");
      thread.setDaemon(true);
      return thread;
    });
  }

  static StoredUsageLedger start(UsageLedger.Builder builder) {
    StoredUsageLedger ledger = new StoredUsageLedger(new UsageTable(builder.db), builder.clock);
    ledger.refresh();
    long flush = builder.flushEvery.toMillis();
    long refresh = builder.refreshEvery.toMillis();
    ledger.writer.scheduleWithFixedDelay(ledger::flushQuietly, flush, flush,
        TimeUnit.MILLISECONDS);
    ledger.writer.scheduleWithFixedDelay(ledger::refreshQuietly, refresh, refresh,
        TimeUnit.MILLISECONDS);
    return ledger;
  }

  @Override
  public void record(String tenant, String feature, String model, UsageCounts counts) {
    if (!pending.add(new UsageKey(tenant, feature, model, today()), counts)) {
      log.warn("usage of tenant {} recorded after the ledger closed is not kept", tenant);
    }
  }

  @Override
  public BigDecimal monthToDateUsd(String tenant) {
    return BigDecimal.valueOf(pending.spentNanos(tenant, YearMonth.from(today())))
        .divide(NANOS_PER_USD);
  }

  @Override
  public CompletionStage<Void> flush() {
    try {
      return CompletableFuture.runAsync(this::write, writer);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IllegalStateException("the usage ledger is "
          + "closed"));
    }
  }

  @Override
  public List<UsageRow> query(UsageQuery query) {
    return table.query(query);
  }

  /** Writes what is pending; puts it back if the store refuses. Writer thread only. */
  private void write() {
    write(pending.drain());
  }

  private void write(Map<UsageKey, UsageCounts> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      table.add(batch);
    } catch (RuntimeException e) {
      pending.restore(batch);
      throw e;
    }
  }

  private void flushQuietly() {
    try {
      write();
    } catch (RuntimeException e) {
      log.warn("usage: {} ledger rows could not be written and are kept for the next try ({})",
          pending.size(), e.getMessage());
    }
  }

  /** Re-reads the month's spend from the store. Writer thread only (or before it starts). */
  private void refresh() {
    LocalDate today = today();
    YearMonth month = YearMonth.from(today);
    pending.rebase(month, table.costByTenant(month.atDay(1), month.atEndOfMonth()));
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn("usage: the month's spend could not be re-read; budgets use the last sums and "
          + "this process's usage ({})", e.getMessage());
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Override
  public void close() {
    Map<UsageKey, UsageCounts> last = pending.close();
    try {
      writer.submit(() -> writeOnClose(last)).get(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      log.error("usage: the last {} ledger rows could not be written at shutdown and are lost",
          last.size(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      writer.shutdownNow();
    }
  }

  /** Writes the last batch, trying once more if the store refuses the first time. */
  private void writeOnClose(Map<UsageKey, UsageCounts> last) {
    try {
      write(last);
    } catch (RuntimeException first) {
      log.warn("usage: writing the last rows failed ({}); trying once more", first.getMessage());
      write(pending.drain());
    }
  }

  @Override
  public String toString() {
    return "UsageLedger[" + pending.size() + " rows pending]";
  }
}
