package dev.fulcrum.controlplane.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.registry.FakeClock;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.TestDatabases;
import dev.fulcrum.controlplane.store.TestDatabases.TestDatabase;
import dev.fulcrum.core.chat.Usage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The usage ledger on real SQLite and PostgreSQL. */
class UsageLedgerTest {
  private static final LocalDate MARCH_1 = LocalDate.parse("2025-03-01");
  private static final LocalDate MARCH_2 = LocalDate.parse("2025-03-02");

  @TempDir
  Path temp;

  private final FakeClock clock = new FakeClock(Instant.parse("2025-03-01T10:00:00Z"));

  static List<String> dialects() {
    return TestDatabases.dialects().toList();
  }

  /** A ledger that writes only when told to (or on close). */
  private UsageLedger ledger(Database db) {
    return UsageLedger.builder(db).clock(clock).flushEvery(Duration.ofHours(1))
        .refreshEvery(Duration.ofHours(1)).build();
  }

  private static UsageCounts request(long prompt, long completion, double costUsd) {
    return UsageCounts.ofRequest(new Usage(prompt, completion), costUsd);
  }

  private static void flush(UsageLedger ledger) throws Exception {
    ledger.flush().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Map<Dimension, String> group(Object... pairs) {
    var map = new java.util.EnumMap<Dimension, String>(Dimension.class);
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((Dimension) pairs[i], (String) pairs[i + 1]);
    }
    return map;
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void sumsUsageByAnyDimensionsOverARangeOfDays(String dialect) throws Exception {
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        UsageLedger ledger = ledger(test.db())) {
      ledger.record("acme", "search", "chat", request(10, 5, 0.001));
      ledger.record("acme", "search", "chat", request(20, 5, 0.002));
      ledger.record("acme", "summary", "chat", request(100, 50, 0.01));
      ledger.record("globex", "search", "embed", request(7, 0, 0));
      clock.advance(Duration.ofDays(1));
      ledger.record("acme", "search", "chat-large", request(1, 1, 0.5));
      flush(ledger);

      var byFeature = ledger.query(UsageQuery.between(MARCH_1, MARCH_2)
          .where(Dimension.TENANT, "acme").groupBy(Dimension.FEATURE));
      var byDayAndModel = ledger.query(UsageQuery.between(MARCH_1, MARCH_2)
          .groupBy(Dimension.DAY, Dimension.MODEL));
      var total = ledger.query(UsageQuery.between(MARCH_1, MARCH_1));

      assertThat(byFeature).containsExactly(
          new UsageRow(group(Dimension.FEATURE, "search"), new UsageCounts(3, 31, 11, 503_000_000)),
          new UsageRow(group(Dimension.FEATURE, "summary"), new UsageCounts(1, 100, 50, 10_000_000)));
      assertThat(byDayAndModel).containsExactly(
          new UsageRow(group(Dimension.DAY, "2025-03-01", Dimension.MODEL, "chat"),
              new UsageCounts(3, 130, 60, 13_000_000)),
          new UsageRow(group(Dimension.DAY, "2025-03-01", Dimension.MODEL, "embed"),
              new UsageCounts(1, 7, 0, 0)),
          new UsageRow(group(Dimension.DAY, "2025-03-02", Dimension.MODEL, "chat-large"),
              new UsageCounts(1, 1, 1, 500_000_000)));
      assertThat(total).containsExactly(new UsageRow(Map.of(), new UsageCounts(4, 137, 60,
          13_000_000)));
      assertThat(ledger.query(UsageQuery.between(MARCH_2.plusDays(1), MARCH_2.plusDays(9))))
          .as("no usage, no rows").isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void laterBatchesAddToTheRowsEarlierOnesWrote(String dialect) throws Exception {
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        UsageLedger ledger = ledger(test.db())) {
      ledger.record("acme", "", "chat", request(10, 5, 0.1));
      flush(ledger);
      ledger.record("acme", "", "chat", request(10, 5, 0.2));
      flush(ledger);

      var rows = ledger.query(UsageQuery.between(MARCH_1, MARCH_1).groupBy(Dimension.FEATURE));

      assertThat(rows).containsExactly(new UsageRow(group(Dimension.FEATURE, ""),
          new UsageCounts(2, 20, 10, 300_000_000)));
      assertThat(rows.getFirst().counts().costUsd()).isEqualByComparingTo("0.3");
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void monthToDateSpendCountsWhatIsWrittenAndWhatIsNot(String dialect) throws Exception {
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        UsageLedger ledger = ledger(test.db())) {
      ledger.record("acme", "search", "chat", request(1, 1, 1.25));
      assertThat(ledger.monthToDateUsd("acme")).isEqualByComparingTo("1.25");

      flush(ledger);
      ledger.record("acme", "other", "chat", request(1, 1, 0.5));

      assertThat(ledger.monthToDateUsd("acme")).isEqualByComparingTo("1.75");
      assertThat(ledger.monthToDateUsd("globex")).isEqualByComparingTo("0");
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aNewMonthStartsFromZero(String dialect) throws Exception {
    clock.set(Instant.parse("2025-03-31T23:59:00Z"));
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        UsageLedger ledger = ledger(test.db())) {
      ledger.record("acme", "", "chat", request(1, 1, 3));
      flush(ledger);

      clock.advance(Duration.ofMinutes(2));
      assertThat(ledger.monthToDateUsd("acme")).isEqualByComparingTo("0");
      ledger.record("acme", "", "chat", request(1, 1, 2));

      assertThat(ledger.monthToDateUsd("acme")).isEqualByComparingTo("2");
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aReplicaSeesWhatOthersSpentWhenItStartsAndAtEachRefresh(String dialect)
      throws Exception {
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        UsageLedger one = ledger(test.db())) {
      one.record("acme", "", "chat", request(1, 1, 4));
      flush(one);

      try (UsageLedger two = UsageLedger.builder(test.db()).clock(clock)
          .flushEvery(Duration.ofHours(1)).refreshEvery(Duration.ofMillis(20)).build()) {
        assertThat(two.monthToDateUsd("acme")).as("read at start").isEqualByComparingTo("4");
        two.record("acme", "", "chat", request(1, 1, 1));

        one.record("acme", "", "chat", request(1, 1, 2));
        flush(one);

        awaitSpend(two, "7");
      }
    }
  }

  /** Waits for the background re-read; never asserts how long it took. */
  private static void awaitSpend(UsageLedger ledger, String usd) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (ledger.monthToDateUsd("acme").compareTo(new BigDecimal(usd)) != 0
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(ledger.monthToDateUsd("acme")).isEqualByComparingTo(usd);
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void closingWritesEverythingRecordedAndKeepsNothingAfter(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      UsageLedger ledger = ledger(test.db());
      for (int i = 0; i < 100; i++) {
        ledger.record("acme", "f" + (i % 3), "chat", request(1, 2, 0.01));
      }

      ledger.close();
      ledger.record("acme", "late", "chat", request(1, 2, 0.01));

      try (UsageLedger reopened = ledger(test.db())) {
        assertThat(reopened.query(UsageQuery.between(MARCH_1, MARCH_1)))
            .containsExactly(new UsageRow(Map.of(), new UsageCounts(100, 100, 200,
                1_000_000_000)));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aBatchTheStoreRefusesIsKeptAndWrittenOnceItCan(String dialect) throws Exception {
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        UsageLedger ledger = ledger(test.db())) {
      ledger.record("acme", "", "chat", request(5, 5, 0.5));
      test.db().execute("ALTER TABLE usage_ledger RENAME TO usage_ledger_away");

      assertThatThrownBy(() -> flush(ledger)).isInstanceOf(ExecutionException.class);
      ledger.record("acme", "", "chat", request(5, 5, 0.5));
      assertThat(ledger.monthToDateUsd("acme")).isEqualByComparingTo("1");

      test.db().execute("ALTER TABLE usage_ledger_away RENAME TO usage_ledger");
      flush(ledger);

      assertThat(ledger.query(UsageQuery.between(MARCH_1, MARCH_1)))
          .containsExactly(new UsageRow(Map.of(), new UsageCounts(2, 10, 10, 1_000_000_000)));
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void namesAreStoredWhateverTheirLength(String dialect) throws Exception {
    String model = "m".repeat(1_000);
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        UsageLedger ledger = ledger(test.db())) {
      ledger.record("acme", "f", model, request(1, 1, 0));
      flush(ledger);

      assertThat(ledger.query(UsageQuery.between(MARCH_1, MARCH_1).where(Dimension.MODEL, model)))
          .hasSize(1);
    }
  }
}
