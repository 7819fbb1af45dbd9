package dev.fulcrum.controlplane.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.PublicKeyVerify;
import dev.fulcrum.controlplane.keys.Keysets;
import dev.fulcrum.core.tenant.Tenant;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuditLogTest {
  @TempDir
  Path temp;

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void acknowledgesEachEventWithItsSequenceTimeAndChainHash(String dialect) {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      AuditLog log = f.log();

      Receipt first = log.append(Events.served("acme", "r1", "chat@1")).toCompletableFuture()
          .join();
      f.now.set(AuditFixture.T0.plusMillis(1500));
      Receipt second = log.append(Events.change("canary healthy")).toCompletableFuture().join();

      assertThat(first.sequence()).isEqualTo(1);
      assertThat(first.timestamp()).isEqualTo(AuditFixture.T0);
      assertThat(second.sequence()).isEqualTo(2);
      assertThat(second.timestamp()).isEqualTo(AuditFixture.T0.plusMillis(1500));
      assertThat(second.hash()).isEqualTo(AuditCodec.chain(first.hash(),
          AuditCodec.entry(2, second.timestamp(), "control.change",
              AuditCodec.event(Events.change("canary healthy")))));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void groupsEventsQueuedDuringACommitIntoOneTransaction(String dialect) throws Exception {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      GatedClock gate = new GatedClock(f.clock);
      AuditLog log = f.log(b -> b.clock(gate));

      CompletableFuture<Receipt> alone = log.append(Events.numbered(1)).toCompletableFuture();
      gate.awaitWriterInside();
      f.now.set(AuditFixture.T0.plusSeconds(5));
      List<CompletableFuture<Receipt>> crowd = new ArrayList<>();
      for (int i = 2; i <= 100; i++) {
        crowd.add(log.append(Events.numbered(i)).toCompletableFuture());
      }
      gate.open();

      assertThat(alone.join().timestamp()).isEqualTo(AuditFixture.T0);
      assertThat(crowd).allSatisfy(r -> {
        assertThat(r.join().timestamp()).as("one batch, one timestamp")
            .isEqualTo(AuditFixture.T0.plusSeconds(5));
      });
      assertThat(crowd.stream().map(r -> r.join().sequence()).toList())
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(2, 100).boxed()
              .toList());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void concurrentAppendersGetDenseUniqueSequencesAndAnIntactChain(String dialect)
      throws Exception {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      AuditLog log = f.log();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<CompletableFuture<Receipt>> receipts = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        receipts.add(CompletableFuture.supplyAsync(() -> null, pool).thenCompose(x -> {
          CompletableFuture<Receipt> last = CompletableFuture.completedFuture(null);
          for (int i = 0; i < 40; i++) {
            int n = thread * 40 + i + 1;
            last = last.thenCompose(r -> log.append(Events.numbered(n)));
          }
          return last;
        }));
      }
      CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).join();
      pool.shutdown();

      assertThat(count(f, "SELECT COUNT(DISTINCT seq) FROM audit_events")).isEqualTo(320);
      assertThat(count(f, "SELECT MAX(seq) FROM audit_events")).isEqualTo(320);
      assertThat(f.verify()).isInstanceOf(Verification.Intact.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void refusesAppendsWhenTheQueueIsFull(String dialect) throws Exception {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      GatedClock gate = new GatedClock(f.clock);
      AuditLog log = f.log(b -> b.clock(gate).queueCapacity(10));
      CompletableFuture<Receipt> inFlight = log.append(Events.numbered(1)).toCompletableFuture();
      gate.awaitWriterInside();
      List<CompletableFuture<Receipt>> queued = new ArrayList<>();
      for (int i = 2; i <= 11; i++) {
        queued.add(log.append(Events.numbered(i)).toCompletableFuture());
      }

      CompletableFuture<Receipt> refused = log.append(Events.numbered(12)).toCompletableFuture();

      assertThat(refused).isCompletedExceptionally();
      assertThatThrownBy(refused::join).hasCauseInstanceOf(AuditQueueFullException.class)
          .hasMessageContaining("10 events are already waiting to be written");
      gate.open();
      inFlight.join();
      queued.forEach(CompletableFuture::join);
      assertThat(count(f, "SELECT COUNT(*) FROM audit_events")).isEqualTo(11);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void failsClosedWhileTheStoreFailsAndContinuesTheChainOnceItRecovers(String dialect) {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      AuditLog log = f.log();
      f.appendNumbered(log, 3);
      f.sql("ALTER TABLE audit_events RENAME TO audit_events_away");

      CompletableFuture<Receipt> failed = log.append(Events.served("acme", "secret-req", "v1"))
          .toCompletableFuture();

      assertThatThrownBy(failed::join).isInstanceOf(CompletionException.class)
          .cause().isInstanceOf(AuditStoreException.class)
          .hasMessageContaining("1 events were not recorded")
          .hasMessageNotContaining("secret-req");
      f.sql("ALTER TABLE audit_events_away RENAME TO audit_events");
      Receipt next = log.append(Events.numbered(4)).toCompletableFuture().join();
      assertThat(next.sequence()).isEqualTo(4);
      assertThat(f.verify()).isInstanceOf(Verification.Intact.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void closingWritesAcceptedEventsSignsTheTailAndRefusesLaterAppends(String dialect) {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      AuditLog log = f.log();
      List<CompletableFuture<Receipt>> accepted = new ArrayList<>();
      for (int i = 1; i <= 25; i++) {
        accepted.add(log.append(Events.numbered(i)).toCompletableFuture());
      }

      log.close();

      assertThat(accepted).allSatisfy(r -> assertThat(r).isCompleted());
      assertThat(accepted.getLast().join().sequence()).isEqualTo(25);
      assertThat(log.checkpoints().getLast().lastSequence()).isEqualTo(25);
      assertThatThrownBy(() -> log.append(Events.numbered(26)).toCompletableFuture().join())
          .hasCauseInstanceOf(AuditClosedException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void signsACheckpointEveryNEventsOverTheRangeSinceThePreviousOne(String dialect)
      throws Exception {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      AuditLog log = f.log();
      f.appendInTens(log, 25);

      List<Checkpoint> checkpoints = log.checkpoints();

      assertThat(checkpoints).extracting(Checkpoint::number, Checkpoint::firstSequence,
          Checkpoint::lastSequence).containsExactly(
              org.assertj.core.groups.Tuple.tuple(1L, 1L, 10L),
              org.assertj.core.groups.Tuple.tuple(2L, 11L, 20L));
      Checkpoint second = checkpoints.get(1);
      PublicKeyVerify verify = Keysets.primitive(
          Keysets.parsePublicKeyset(log.publicKeysetJson()), PublicKeyVerify.class);
      verify.verify(second.signature(), second.statement().getBytes(StandardCharsets.UTF_8));
      MerkleTree expected = new MerkleTree();
      for (AuditEntry e : log.query(AuditQuery.all().after(10).limit(10)).entries()) {
        expected.add(AuditCodec.entry(e.sequence(), e.timestamp(), e.event().type(),
            AuditCodec.event(e.event())));
      }
      assertThat(second.merkleRoot()).isEqualTo(expected.root());
      assertThat(second.headHash()).isEqualTo(log.query(AuditQuery.all().after(19).limit(1))
          .entries().getFirst().hash());
      assertThat(second.previous()).isEqualTo(Sha256.ofUtf8(checkpoints.get(0).statement()));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void signsACheckpointWhenTheOldestUnsignedEventIsOlderThanT(String dialect) {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      AuditLog log = f.log();
      log.append(Events.numbered(1)).toCompletableFuture().join();
      f.now.set(AuditFixture.T0.plusSeconds(59));
      log.append(Events.numbered(2)).toCompletableFuture().join();
      assertThat(log.checkpoints()).isEmpty();

      f.now.set(AuditFixture.T0.plusSeconds(60));
      log.append(Events.numbered(3)).toCompletableFuture().join();

      assertThat(log.checkpoints()).singleElement().satisfies(c -> {
        assertThat(c.lastSequence()).isEqualTo(3);
        assertThat(c.timestamp()).isEqualTo(AuditFixture.T0.plusSeconds(60));
      });
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void queriesByTenantTimeRequestAndModelVersionPageByPage(String dialect) {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      AuditLog log = f.log();
      f.appendNumbered(log, 30); // event i at T0 + (i-1) s; even i → acme; i <= 10 → chat@1
      log.append(Events.change("rollout")).toCompletableFuture().join();

      AuditPage firstPage = log.query(AuditQuery.all().tenant(new Tenant("acme")).limit(4));
      AuditPage secondPage = log.query(AuditQuery.all().tenant(new Tenant("acme")).limit(4)
          .after(firstPage.next().orElseThrow()));

      assertThat(firstPage.entries()).extracting(AuditEntry::sequence)
          .containsExactly(2L, 4L, 6L, 8L);
      assertThat(secondPage.entries()).extracting(AuditEntry::sequence)
          .containsExactly(10L, 12L, 14L, 16L);
      assertThat(log.query(AuditQuery.all().between(AuditFixture.T0.plusSeconds(5),
          AuditFixture.T0.plusSeconds(8))).entries()).extracting(AuditEntry::sequence)
          .containsExactly(6L, 7L, 8L);
      assertThat(log.query(AuditQuery.all().requestId("r17")).entries())
          .singleElement().satisfies(e -> assertThat(e.event()).isEqualTo(Events.numbered(17)));
      AuditPage chat1 = log.query(AuditQuery.all().modelVersion("chat@1").limit(1000));
      assertThat(chat1.entries()).hasSize(10);
      assertThat(chat1.more()).isFalse();
      assertThat(chat1.next()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void exportsJsonLinesThatCarryTheCanonicalBytesAndChainHashes(String dialect)
      throws Exception {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      AuditLog log = f.log();
      List<Receipt> receipts = f.appendInTens(log, 12);
      StringWriter out = new StringWriter();

      long lines = log.exportJsonl(AuditQuery.all().limit(5), out);

      List<String> exported = out.toString().lines().toList();
      assertThat(lines).isEqualTo(12);
      assertThat(exported).hasSize(12);
      Sha256 previous = Sha256.ZERO;
      for (int i = 0; i < exported.size(); i++) {
        String line = exported.get(i);
        String entry = line.substring("{\"entry\":".length(), line.indexOf(",\"hash\":"));
        Sha256 hash = AuditCodec.chain(previous, entry);
        assertThat(line).isEqualTo("{\"entry\":" + entry + ",\"hash\":\"" + hash.hex()
            + "\",\"prev\":\"" + previous.hex() + "\"}");
        assertThat(hash).isEqualTo(receipts.get(i).hash());
        previous = hash;
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void aReopenedLogContinuesTheSameChain(String dialect) {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      AuditLog first = f.log();
      f.appendNumbered(first, 5);
      first.close();

      AuditLog reopened = f.log();
      Receipt sixth = reopened.append(Events.numbered(6)).toCompletableFuture().join();

      assertThat(sixth.sequence()).isEqualTo(6);
      assertThat(f.verify()).isEqualTo(new Verification.Intact(6, 1, 5));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void twoWritersOnOneStoreExtendOneChainAndSignContiguousCheckpoints(String dialect) {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      AuditLog a = f.log();
      AuditLog b = f.log();
      for (int i = 1; i <= 25; i++) {
        // each writer caches the tail it committed; the other one's appends must invalidate it
        (i % 3 == 0 ? b : a).append(Events.numbered(i)).toCompletableFuture().join();
      }

      assertThat(a.checkpoints()).extracting(Checkpoint::firstSequence,
          Checkpoint::lastSequence).containsExactly(
              org.assertj.core.groups.Tuple.tuple(1L, 10L),
              org.assertj.core.groups.Tuple.tuple(11L, 20L));
      assertThat(f.verify()).isEqualTo(new Verification.Intact(25, 2, 20));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void runsOnlyOnAStoreThatCommitsDurably(String dialect) {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      f.log();
      if (dialect.equals("sqlite")) {
        assertThat(count(f, "PRAGMA synchronous")).as("FULL").isEqualTo(2);
        f.test.db().execute("PRAGMA synchronous = NORMAL");
        assertThatThrownBy(f::log).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("synchronous=FULL");
      }
    }
  }

  private static long count(AuditFixture f, String sql) {
    return f.test.db().transaction(c -> {
      try (ResultSet rows = c.createStatement().executeQuery(sql)) {
        rows.next();
        return rows.getLong(1);
      }
    });
  }

  /**
   * A clock that holds the writer inside its first transaction until opened, so a test can queue
   * events behind it deterministically.
   */
  private static final class GatedClock implements InstantSource {
    private final InstantSource clock;
    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    GatedClock(InstantSource clock) {
      this.clock = clock;
    }

    @Override
    public Instant instant() {
      Instant now = clock.instant();
      inside.countDown();
      try {
        open.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return now;
    }

    void awaitWriterInside() throws InterruptedException {
      inside.await();
    }

    void open() {
      open.countDown();
    }
  }
}
