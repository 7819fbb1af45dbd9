package dev.fulcrum.controlplane.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.store.TestDatabases;
import dev.fulcrum.controlplane.store.TestDatabases.TestDatabase;
import dev.fulcrum.core.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TenantKeysTest {
  private static final Tenant ACME = new Tenant("acme");
  private static final Tenant GLOBEX = new Tenant("globex");
  private static final byte[] NOTE = bytes("patient note: follow-up in two weeks");
  private static final byte[] CONTEXT = bytes("record-17");

  @TempDir
  Path temp;

  private final AtomicReference<Instant> now = new AtomicReference<>(
      Instant.parse("2025-03-01T10:00:00Z"));
  private final InstantSource clock = now::get;

  private TenantKeys keys(TestDatabase test) {
    return keys(test, KekProvider.localKeyset(KeysetSource.file(temp.resolve("kek.json"))));
  }

  private TenantKeys keys(TestDatabase test, KekProvider kek) {
    return TenantKeys.builder(test.db(), kek).clock(clock).cacheTtl(Duration.ofSeconds(30))
        .build();
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void encryptsUnderAFirstDataKeyCreatedOnDemandAndDecryptsBack(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      TenantKeys keys = keys(test);

      byte[] ciphertext = keys.encrypt(ACME, NOTE, CONTEXT);

      assertThat(keys.currentVersion(ACME)).hasValue(1);
      assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("patient");
      assertThat(keys.decrypt(ACME, ciphertext, CONTEXT)).isEqualTo(NOTE);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void refusesOtherAssociatedDataAnotherTenantAndAlteredBytes(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      TenantKeys keys = keys(test);
      byte[] ciphertext = keys.encrypt(ACME, NOTE, CONTEXT);
      keys.encrypt(GLOBEX, NOTE, CONTEXT);
      byte[] altered = ciphertext.clone();
      altered[altered.length - 1] ^= 1;

      assertThatThrownBy(() -> keys.decrypt(ACME, ciphertext, bytes("record-18")))
          .isInstanceOf(DecryptionFailedException.class)
          .hasMessageContaining("tenant acme (data key v1) does not authenticate");
      assertThatThrownBy(() -> keys.decrypt(GLOBEX, ciphertext, CONTEXT))
          .isInstanceOf(DecryptionFailedException.class);
      assertThatThrownBy(() -> keys.decrypt(ACME, altered, CONTEXT))
          .isInstanceOf(DecryptionFailedException.class);
      assertThatThrownBy(() -> keys.decrypt(ACME, bytes("plain"), CONTEXT))
          .isInstanceOf(DecryptionFailedException.class)
          .hasMessageContaining("unknown format");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void rotationEncryptsNewDataUnderTheNewVersionAndOldDataStillDecrypts(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      TenantKeys keys = keys(test);
      byte[] before = keys.encrypt(ACME, NOTE, CONTEXT);

      int rotated = keys.rotate(ACME);
      byte[] after = keys.encrypt(ACME, NOTE, CONTEXT);

      assertThat(rotated).isEqualTo(2);
      assertThat(keys.currentVersion(ACME)).hasValue(2);
      assertThat(Envelope.version(before)).isEqualTo(1);
      assertThat(Envelope.version(after)).isEqualTo(2);
      assertThat(keys.decrypt(ACME, before, CONTEXT)).isEqualTo(NOTE);
      assertThat(keys.decrypt(ACME, after, CONTEXT)).isEqualTo(NOTE);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void shreddingATenantMakesAllItsCiphertextsUnreadableAndLeavesOthersAlone(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      TenantKeys keys = keys(test);
      byte[] v1 = keys.encrypt(ACME, NOTE, CONTEXT);
      keys.rotate(ACME);
      byte[] v2 = keys.encrypt(ACME, NOTE, CONTEXT);
      byte[] theirs = keys.encrypt(GLOBEX, NOTE, CONTEXT);

      int destroyed = keys.shred(ACME);

      assertThat(destroyed).isEqualTo(2);
      assertThat(wrappedKeyRows(test, "acme")).isZero();
      assertThatThrownBy(() -> keys.decrypt(ACME, v1, CONTEXT))
          .isInstanceOf(DataKeyUnavailableException.class)
          .hasMessage("data key v1 of tenant acme does not exist: the tenant's keys were "
              + "destroyed (crypto-shredded) or the data is not this tenant's");
      assertThatThrownBy(() -> keys.decrypt(ACME, v2, CONTEXT))
          .isInstanceOf(DataKeyUnavailableException.class);
      assertThat(keys.decrypt(GLOBEX, theirs, CONTEXT)).isEqualTo(NOTE);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void aTenantRecreatedAfterShreddingGetsNewVersionsAndItsOldDataStaysShredded(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      TenantKeys keys = keys(test);
      byte[] old = keys.encrypt(ACME, NOTE, CONTEXT);
      keys.rotate(ACME);
      keys.shred(ACME);

      byte[] fresh = keys.encrypt(ACME, NOTE, CONTEXT);

      assertThat(TenantKeys.version(fresh)).hasValue(3);
      assertThat(keys.decrypt(ACME, fresh, CONTEXT)).isEqualTo(NOTE);
      assertThatThrownBy(() -> keys.decrypt(ACME, old, CONTEXT))
          .isInstanceOf(DataKeyUnavailableException.class);
      assertThat(keys.rotate(ACME)).isEqualTo(4);
      assertThat(keys.shred(ACME)).isEqualTo(2);
      assertThat(keys.shred(ACME)).isZero();
      assertThat(keys.rotate(ACME)).as("an empty shred keeps the mark").isEqualTo(5);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void anotherReplicaEncryptsUnderANewVersionOnceItsCachedOneExpires(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      TenantKeys replicaA = keys(test);
      TenantKeys replicaB = keys(test);
      byte[] old = replicaB.encrypt(ACME, NOTE, CONTEXT);

      replicaA.shred(ACME);
      now.set(now.get().plusSeconds(31));
      byte[] fresh = replicaB.encrypt(ACME, NOTE, CONTEXT);

      assertThat(TenantKeys.version(old)).hasValue(1);
      assertThat(TenantKeys.version(fresh)).hasValue(2);
      assertThat(TenantKeys.version(bytes("plain"))).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void anotherReplicaStopsUsingAShreddedKeyOnceItsCacheExpires(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      TenantKeys replicaA = keys(test);
      TenantKeys replicaB = keys(test);
      byte[] ciphertext = replicaA.encrypt(ACME, NOTE, CONTEXT);
      assertThat(replicaB.decrypt(ACME, ciphertext, CONTEXT)).isEqualTo(NOTE);

      replicaA.shred(ACME);
      now.set(now.get().plusSeconds(31));

      assertThatThrownBy(() -> replicaB.decrypt(ACME, ciphertext, CONTEXT))
          .isInstanceOf(DataKeyUnavailableException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void keysSurviveARestartWithTheSameKekAndAreUselessWithAnother(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      byte[] ciphertext = keys(test).encrypt(ACME, NOTE, CONTEXT);

      assertThat(keys(test).decrypt(ACME, ciphertext, CONTEXT)).isEqualTo(NOTE);
      TenantKeys otherKek = keys(test, KekProvider.localKeyset(KeysetSource.inMemory()));
      assertThatThrownBy(() -> otherKek.decrypt(ACME, ciphertext, CONTEXT))
          .isInstanceOf(KeysetException.class)
          .hasMessageContaining("the KEK cannot unwrap data key v1 of tenant acme");
    }
  }

  private static int wrappedKeyRows(TestDatabase test, String tenant) {
    return test.db().transaction(c -> {
      try (ResultSet rows = c.createStatement().executeQuery(
          "SELECT COUNT(*) FROM tenant_data_keys WHERE tenant = '" + tenant + "'")) {
        rows.next();
        return rows.getInt(1);
      }
    });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
