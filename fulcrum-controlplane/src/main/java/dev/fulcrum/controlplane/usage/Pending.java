package dev.fulcrum.controlplane.usage;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts recorded and not yet written, and each tenant's spend in one month (the store's sum at
 * the last {@link #rebase} plus everything recorded since). One lock guards both, held only for
 * map updates, so that a rebase sees exactly the counts the store did not.
 */
final class Pending {
  private Map<UsageKey, UsageCounts> unwritten = new HashMap<>();
  private final Map<String, Long> spentNanos = new HashMap<>();
  private YearMonth month;
  private boolean closed;

  Pending(YearMonth month) {
    this.month = month;
  }

  /** Adds a record; false once closed (the record is not kept). */
  synchronized boolean add(UsageKey key, UsageCounts counts) {
    if (closed) {
      return false;
    }
    unwritten.merge(key, counts, UsageCounts::plus);
    YearMonth recorded = YearMonth.from(key.day());
    if (recorded.isAfter(month)) {
      month = recorded;
      spentNanos.clear();
    }
    if (recorded.equals(month)) {
      spentNanos.merge(key.tenant(), counts.costNanoUsd(), Long::sum);
    }
    return true;
  }

  /** Takes everything unwritten, for the writer. */
  synchronized Map<UsageKey, UsageCounts> drain() {
    Map<UsageKey, UsageCounts> batch = unwritten;
    unwritten = new HashMap<>();
    return batch;
  }

  /** Puts back a batch the store refused (its spend was never taken out). */
  synchronized void restore(Map<UsageKey, UsageCounts> batch) {
    batch.forEach((key, counts) -> unwritten.merge(key, counts, UsageCounts::plus));
  }

  /** Restarts {@code current}'s spend from the store's sums plus what is still unwritten. */
  synchronized void rebase(YearMonth current, Map<String, Long> storedNanos) {
    if (current.isBefore(month)) {
      return; // a record already opened a later month; its next rebase will read it
    }
    month = current;
    spentNanos.clear();
    spentNanos.putAll(storedNanos);
    unwritten.forEach((key, counts) -> {
      if (YearMonth.from(key.day()).equals(current)) {
        spentNanos.merge(key.tenant(), counts.costNanoUsd(), Long::sum);
      }
    });
  }

  synchronized long spentNanos(String tenant, YearMonth current) {
    return current.equals(month) ? spentNanos.getOrDefault(tenant, 0L) : 0;
  }

  /** Refuses later records; returns what was still unwritten. */
  synchronized Map<UsageKey, UsageCounts> close() {
    closed = true;
    return drain();
  }

  synchronized int size() {
    return unwritten.size();
  }
}
