package dev.fulcrum.controlplane.audit;

import com.google.crypto.tink.KeysetHandle;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.keys.Keysets;
import dev.fulcrum.controlplane.store.TestDatabases;
import dev.fulcrum.controlplane.store.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** A real database, an audit log on it with an in-memory signing key, and a hand-moved clock. */
final class AuditFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  final TestDatabase test;
  final KeysetSource keys = KeysetSource.inMemory();
  final AtomicReference<Instant> now = new AtomicReference<>(T0);
  final InstantSource clock = now::get;
  private final List<AuditLog> opened = new ArrayList<>();

  AuditFixture(String dialect, Path temp) {
    this.test = TestDatabases.open(dialect, temp);
  }

  /** A log checkpointing every 10 events or 60 s. */
  AuditLog log() {
    return log(b -> b);
  }

  AuditLog log(UnaryOperator<AuditLog.Builder> configure) {
    AuditLog log = configure.apply(AuditLog.builder(test.db(), keys).clock(clock)
        .checkpointEvery(10, Duration.ofSeconds(60))).build();
    opened.add(log);
    return log;
  }

  /** Appends events 1..count one at a time, each acknowledged before the next. */
  List<Receipt> appendNumbered(AuditLog log, int count) {
    List<Receipt> receipts = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      receipts.add(log.append(Events.numbered(i)).toCompletableFuture().join());
      now.set(now.get().plusSeconds(1));
    }
    return receipts;
  }

  /**
   * Appends events 1..count in groups of ten queued together (a few commits per group), each
   * group acknowledged before the next and stamped one second after the previous one.
   */
  List<Receipt> appendInTens(AuditLog log, int count) {
    List<Receipt> receipts = new ArrayList<>();
    for (int first = 1; first <= count; first += 10) {
      List<CompletableFuture<Receipt>> group = new ArrayList<>();
      for (int i = first; i < first + 10 && i <= count; i++) {
        group.add(log.append(Events.numbered(i)).toCompletableFuture());
      }
      group.forEach(r -> receipts.add(r.join()));
      now.set(now.get().plusSeconds(1));
    }
    return receipts;
  }

  KeysetHandle publicKeyset() {
    return Keysets.parsePublicKeyset(Keysets.publicKeysetJson(keys.loadOrGenerate(
        com.google.crypto.tink.signature.PredefinedSignatureParameters.ED25519)));
  }

  Verification verify() {
    return AuditVerifier.create(test.db(), publicKeyset()).verify();
  }

  /** Runs raw SQL against the store, as an attacker with database access would. */
  void sql(String... statements) {
    test.db().transaction(c -> {
      try (Statement s = c.createStatement()) {
        for (String sql : statements) {
          s.execute(sql);
        }
      }
      return null;
    });
  }

  @Override
  public void close() {
    opened.forEach(AuditLog::close);
    test.close();
  }
}
