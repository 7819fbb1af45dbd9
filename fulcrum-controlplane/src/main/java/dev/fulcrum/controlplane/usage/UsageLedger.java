package dev.fulcrum.controlplane.usage;

import dev.fulcrum.controlplane.store.Database;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * What every tenant used and spent, per feature, model and UTC day, kept in the store.
 *
 * <p>{@link #record} is for the request path: it only adds to counters in memory, which one
 * writer thread upserts into the store in batches (every second by default), never on the
 * caller's thread. Counts recorded before {@link #close} are written before it returns; a batch
 * the store refuses is kept and tried again.
 *
 * <p>{@link #monthToDateUsd} is what budgets are checked against: the store's month-to-date sum
 * (all replicas, re-read every few seconds) plus what this process recorded since. Several
 * replicas may share one store; each adds its own counts to the same rows.
 *
 * <p>Thread-safe.
 */
public interface UsageLedger extends AutoCloseable {

  /**
   * Adds one answered request's usage to today's row (UTC, by the ledger's clock). Never
   * blocks on the store.
   *
   * @param feature the {@code x-fulcrum-feature}, or empty
   */
  void record(String tenant, String feature, String model, UsageCounts counts);

  /** The tenant's spend in the current UTC month: written and not yet written. Non-blocking. */
  BigDecimal monthToDateUsd(String tenant);

  /** Completes once everything recorded so far is in the store; fails if it cannot be. */
  CompletionStage<Void> flush();

  /**
   * Sums the stored usage; call {@link #flush} first to include the latest requests. Blocks on
   * the store: never call it on an event loop.
   *
   * @throws dev.fulcrum.controlplane.store.StoreException when the store fails
   */
  List<UsageRow> query(UsageQuery query);

  /** Stops the writer after writing everything recorded; later records are dropped. */
  @Override
  void close();

  /** Starts configuring a ledger kept in {@code db}. */
  static Builder builder(Database db) {
    return new Builder(db);
  }

  /**
   * Configuration; everything but the store has a default: flush every second, re-read the
   * month's spend every 10 seconds, system clock.
   */
  final class Builder {
    final Database db;
    Duration flushEvery = Duration.ofSeconds(1);
    Duration refreshEvery = Duration.ofSeconds(10);
    InstantSource clock = InstantSource.system();

    private Builder(Database db) {
      this.db = Objects.requireNonNull(db, "db");
    }

    /** How often recorded counts are written (the most a crash, not a shutdown, can lose). */
    public Builder flushEvery(Duration value) {
      this.flushEvery = positive(value, "flushEvery");
      return this;
    }

    /** How often the month's spend is re-read, to see what other replicas spent. */
    public Builder refreshEvery(Duration value) {
      this.refreshEvery = positive(value, "refreshEvery");
      return this;
    }

    /** The clock that dates records and defines the current month. */
    public Builder clock(InstantSource value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Creates or upgrades the ledger table, reads this month's spend, and starts the writer.
     *
     * @throws dev.fulcrum.controlplane.store.StoreException when the store fails
     */
    public UsageLedger build() {
      UsageSchema.apply(db);
      return StoredUsageLedger.start(this);
    }

    private static Duration positive(Duration value, String name) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }
  }
}
