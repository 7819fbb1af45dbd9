package dev.fulcrum.controlplane.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.controlplane.audit.Finding.Kind;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.keys.Keysets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tampering done directly in the database, as someone with write access to it would, and the
 * exact finding the verifier reports. The log: events 1..30, signed by checkpoints over 1..10,
 * 11..20 and 21..30.
 */
class AuditVerifierTest {
  @TempDir
  Path temp;

  private AuditFixture signedLog(String dialect) {
    AuditFixture f = new AuditFixture(dialect, temp);
    AuditLog log = f.log();
    f.appendInTens(log, 30);
    log.close();
    return f;
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void anUntouchedLogIsIntact(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      assertThat(f.verify()).isEqualTo(new Verification.Intact(30, 3, 30));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void findsAFieldChangedInPlace(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      f.sql("UPDATE audit_events SET body = REPLACE(body, '\"status\":200', '\"status\":500') "
          + "WHERE seq = 7");

      assertThat(finding(f)).isEqualTo(new Finding(Kind.MODIFIED, 7, "its stored content no "
          + "longer matches its hash: it was changed after it was written"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void findsAQueryColumnThatNoLongerAgreesWithTheHashedEvent(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      f.sql("UPDATE audit_events SET tenant = 'globex' WHERE seq = 8");

      assertThat(finding(f)).isEqualTo(new Finding(Kind.MODIFIED, 8, "column tenant disagrees "
          + "with the hashed event: the column was changed after it was written"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void blamesTheRightEventWhenItsHashWasRecomputedToo(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      StoredRow seven = row(f, 7);
      String forged = seven.body().replace("\"costUsd\":\"0.0042\"", "\"costUsd\":\"0\"");
      update(f, 7, forged, seven.prevHash(), AuditCodec.chain(new Sha256(seven.prevHash()),
          forged).hex());

      assertThat(finding(f)).isEqualTo(new Finding(Kind.MODIFIED, 7, "event 7 was rewritten "
          + "with a recomputed hash: event 8 recorded a different hash for it"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void findsADeletedEvent(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      f.sql("DELETE FROM audit_events WHERE seq = 12");

      assertThat(finding(f)).isEqualTo(new Finding(Kind.DELETED, 12, "event 12 is missing: the "
          + "sequence jumps from 11 to 13"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void findsADeletionHiddenByRenumberingTheRest(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      f.sql("DELETE FROM audit_events WHERE seq = 12",
          "UPDATE audit_events SET seq = seq + 1000000 WHERE seq > 12",
          "UPDATE audit_events SET seq = seq - 1000001 WHERE seq > 1000000");

      assertThat(finding(f)).isEqualTo(new Finding(Kind.DELETED, 12, "event 12 is missing and "
          + "later events were renumbered to hide the gap"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void findsAForgedEventInsertedWithAValidLinkToItsPredecessor(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      StoredRow fourteen = row(f, 14);
      AuditEvent fake = Events.served("acme", "forged", "chat@2");
      String body = AuditCodec.entry(15, Instant.ofEpochMilli(fourteen.ts()), fake.type(),
          AuditCodec.event(fake));
      StoredRow forged = StoredRow.of(15, fourteen.ts(), fake, body,
          new Sha256(fourteen.hash()), AuditCodec.chain(new Sha256(fourteen.hash()), body));
      f.sql("UPDATE audit_events SET seq = seq + 1000000 WHERE seq >= 15",
          "UPDATE audit_events SET seq = seq - 999999 WHERE seq > 1000000");
      f.test.db().transaction(c -> {
        AuditTable.insert(c, java.util.List.of(forged));
        return null;
      });

      assertThat(finding(f)).isEqualTo(new Finding(Kind.INSERTED, 15, "event 15 was inserted: "
          + "the event written as 15 now sits at position 16"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void findsAReplayedCopyOfAnEarlierEvent(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      f.sql("INSERT INTO audit_events (seq, ts, event_type, tenant, request_id, model_version, "
          + "body, prev_hash, hash) SELECT 31, ts, event_type, tenant, request_id, "
          + "model_version, body, prev_hash, hash FROM audit_events WHERE seq = 3");

      assertThat(finding(f)).isEqualTo(new Finding(Kind.INSERTED, 31, "it is a copy of event 3 "
          + "(replayed)"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void findsTwoEventsThatSwappedPlaces(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      StoredRow five = row(f, 5);
      StoredRow nine = row(f, 9);
      replace(f, 5, nine);
      replace(f, 9, five);

      assertThat(finding(f)).isEqualTo(new Finding(Kind.REORDERED, 5, "position 5 holds event 9 "
          + "and event 5 sits at position 9: rows were reordered"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void findsATailCutBeforeTheEndOfTheLastSignedRange(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      f.sql("DELETE FROM audit_events WHERE seq > 25");

      assertThat(finding(f)).isEqualTo(new Finding(Kind.TRUNCATED, 26, "the log ends at event 25 "
          + "but checkpoint #3 signed events 21..30: events 26..30 were removed"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void findsACheckpointWhoseSignatureDoesNotVerify(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      f.sql("UPDATE audit_checkpoints SET statement = REPLACE(statement, '\"last\":20', "
          + "'\"last\":19') WHERE number = 2");

      assertThat(finding(f)).isEqualTo(new Finding(Kind.BAD_CHECKPOINT, 11, "checkpoint #2 is "
          + "unreadable or its signature does not verify with the published key"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void findsARewriteThatRecomputedEveryLaterChainHashByItsMerkleRoot(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      Sha256 previous = new Sha256(row(f, 13).hash());
      for (long seq = 14; seq <= 30; seq++) {
        StoredRow row = row(f, seq);
        String body = seq == 14 ? row.body().replace("\"status\":200", "\"status\":201")
            : row.body();
        Sha256 hash = AuditCodec.chain(previous, body);
        update(f, seq, body, previous.hex(), hash.hex());
        previous = hash;
      }

      assertThat(finding(f)).isEqualTo(new Finding(Kind.BAD_CHECKPOINT, 11, "events 11..20 do "
          + "not match checkpoint #2's signed Merkle root: an event in this range was rewritten "
          + "together with every later chain hash"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void refusesCheckpointsSignedByAnotherKey(String dialect) {
    try (AuditFixture f = signedLog(dialect)) {
      String stranger = Keysets.publicKeysetJson(KeysetSource.inMemory().loadOrGenerate(
          com.google.crypto.tink.signature.PredefinedSignatureParameters.ED25519));

      Verification result = AuditVerifier.create(f.test.db(), stranger).verify();

      assertThat(result).isEqualTo(new Verification.Broken(new Finding(Kind.BAD_CHECKPOINT, 1,
          "checkpoint #1 is unreadable or its signature does not verify with the published "
          + "key"), 10));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void cannotSeeEventsRemovedFromTheUnsignedTail(String dialect) {
    try (AuditFixture f = new AuditFixture(dialect, temp)) {
      AuditLog log = f.log();
      f.appendNumbered(log, 13);
      f.sql("DELETE FROM audit_events WHERE seq > 11");

      Verification result = f.verify();

      assertThat(result).as("a limit by construction: only signed ranges are anchored")
          .isEqualTo(new Verification.Intact(11, 1, 10));
      assertThat(((Verification.Intact) result).unsigned()).isEqualTo(1);
    }
  }

  private static Finding finding(AuditFixture f) {
    Verification result = f.verify();
    assertThat(result).isInstanceOf(Verification.Broken.class);
    return ((Verification.Broken) result).finding();
  }

  private static StoredRow row(AuditFixture f, long seq) {
    return f.test.db().transaction(c -> AuditTable.at(c, seq)).orElseThrow();
  }

  private static void update(AuditFixture f, long seq, String body, String prev, String hash) {
    f.test.db().transaction(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE audit_events SET body = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
        s.setString(1, body);
        s.setString(2, prev);
        s.setString(3, hash);
        s.setLong(4, seq);
        return s.executeUpdate();
      }
    });
  }

  /** Puts {@code other}'s content, every column but the position, at {@code seq}. */
  private static void replace(AuditFixture f, long seq, StoredRow other) {
    f.test.db().transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE audit_events SET ts = ?, "
          + "event_type = ?, tenant = ?, request_id = ?, model_version = ?, body = ?, "
          + "prev_hash = ?, hash = ? WHERE seq = ?")) {
        s.setLong(1, other.ts());
        s.setString(2, other.type());
        s.setString(3, other.tenant());
        s.setString(4, other.requestId());
        s.setString(5, other.modelVersion());
        s.setString(6, other.body());
        s.setString(7, other.prevHash());
        s.setString(8, other.hash());
        s.setLong(9, seq);
        return s.executeUpdate();
      }
    });
  }
}
