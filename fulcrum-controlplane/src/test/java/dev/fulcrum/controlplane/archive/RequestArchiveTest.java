package dev.fulcrum.controlplane.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.keys.DecryptionFailedException;
import dev.fulcrum.controlplane.keys.KekProvider;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.keys.TenantKeys;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.store.TestDatabases;
import dev.fulcrum.controlplane.store.TestDatabases.TestDatabase;
import dev.fulcrum.core.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestArchiveTest {
  private static final Tenant ACME = new Tenant("acme");
  private static final Tenant GLOBEX = new Tenant("globex");
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final Change OPERATOR = Change.by("oncall", "tenant asked to be forgotten");

  @TempDir
  Path temp;

  private final List<KeyChange> changes = new ArrayList<>();

  private RequestArchive archive(TestDatabase test) {
    TenantKeys keys = TenantKeys.builder(test.db(),
        KekProvider.localKeyset(KeysetSource.file(temp.resolve("kek.json")))).build();
    RequestArchive archive = RequestArchive.create(test.db(), keys);
    archive.onKeyChange(changes::add);
    return archive;
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void sealsEachRecordUnderItsTenantsKeyAndReadsItBack(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      RequestArchive archive = archive(test);

      archive.write(List.of(entry("req_1", ACME, 0, "acme's secret plan"),
          entry("req_2", GLOBEX, 1, "globex's secret plan")));

      ArchivedRecord record = archive.read("req_1").orElseThrow();
      assertThat(text(record)).isEqualTo("acme's secret plan");
      assertThat(record.summary()).isEqualTo(new ArchiveSummary("req_1", "acme", T0, 1));
      assertThat(record.toString()).doesNotContain("secret");
      assertThat(text(archive.read("req_2").orElseThrow())).isEqualTo("globex's secret plan");
      assertThat(archive.read("req_3")).isEmpty();
      assertThat(storedBytes(test)).doesNotContain("secret").contains("req_1", "acme");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void afterARotationNewRecordsUseTheNewKeyAndOldOnesStillRead(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      RequestArchive archive = archive(test);
      archive.write(List.of(entry("req_old", ACME, 0, "before")));

      int version = archive.rotate(ACME, OPERATOR);
      archive.write(List.of(entry("req_new", ACME, 1, "after")));

      assertThat(version).isEqualTo(2);
      assertThat(archive.read("req_old").orElseThrow().summary().keyVersion()).isEqualTo(1);
      assertThat(archive.read("req_new").orElseThrow().summary().keyVersion()).isEqualTo(2);
      assertThat(text(archive.read("req_old").orElseThrow())).isEqualTo("before");
      assertThat(text(archive.read("req_new").orElseThrow())).isEqualTo("after");
      assertThat(changes).containsExactly(new KeyChange.Rotated(ACME, 2, OPERATOR));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void shreddingATenantMakesOnlyItsRecordsUnreadableForGood(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      RequestArchive archive = archive(test);
      archive.write(List.of(entry("req_a", ACME, 0, "acme"), entry("req_g", GLOBEX, 0, "g")));
      archive.rotate(ACME, OPERATOR);
      archive.write(List.of(entry("req_b", ACME, 1, "acme again")));

      int destroyed = archive.shred(ACME, OPERATOR);

      assertThat(destroyed).isEqualTo(2);
      assertThatThrownBy(() -> archive.read("req_a"))
          .isInstanceOf(TenantShreddedException.class)
          .hasMessage("archived request req_a of tenant acme cannot be decrypted: key v1 that "
              + "sealed it was destroyed when the tenant's keys were crypto-shredded, so nobody "
              + "can read it any more");
      assertThatThrownBy(() -> archive.read("req_b")).isInstanceOf(TenantShreddedException.class);
      assertThat(text(archive.read("req_g").orElseThrow())).isEqualTo("g");
      assertThat(archive.list(ACME, 10)).extracting(ArchiveSummary::requestId)
          .containsExactly("req_b", "req_a");
      assertThat(changes).last().isEqualTo(new KeyChange.Shredded(ACME, 2, OPERATOR));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void aTenantArchivedAgainAfterAShredGetsAFreshKeyAndItsOldRecordsStayShredded(
      String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      RequestArchive archive = archive(test);
      archive.write(List.of(entry("req_before", ACME, 0, "before")));
      archive.shred(ACME, OPERATOR);

      archive.write(List.of(entry("req_after", ACME, 1, "after")));

      ArchivedRecord after = archive.read("req_after").orElseThrow();
      assertThat(after.summary().keyVersion()).isEqualTo(2);
      assertThat(text(after)).isEqualTo("after");
      assertThatThrownBy(() -> archive.read("req_before"))
          .isInstanceOf(TenantShreddedException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void aCiphertextCopiedIntoAnotherRowDoesNotDecrypt(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      RequestArchive archive = archive(test);
      archive.write(List.of(entry("req_1", ACME, 0, "one"), entry("req_2", ACME, 1, "two")));

      test.db().execute("UPDATE archive SET ciphertext = (SELECT ciphertext FROM archive "
          + "WHERE request_id = 'req_1') WHERE request_id = 'req_2'");

      assertThatThrownBy(() -> archive.read("req_2"))
          .isInstanceOf(DecryptionFailedException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void listsNewestFirstUpToTheLimitAndKeepsTheFirstRecordOfARequest(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      RequestArchive archive = archive(test);
      archive.write(List.of(entry("req_1", ACME, 0, "first"), entry("req_2", ACME, 2, "x"),
          entry("req_3", ACME, 1, "y"), entry("req_9", GLOBEX, 5, "z")));

      archive.write(List.of(entry("req_1", ACME, 9, "a second write of req_1")));

      assertThat(archive.list(ACME, 2)).extracting(ArchiveSummary::requestId)
          .containsExactly("req_2", "req_3");
      assertThat(text(archive.read("req_1").orElseThrow())).isEqualTo("first");
      assertThatThrownBy(() -> archive.list(ACME, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("limit must be 1 to 1000, got 0");
    }
  }

  private static ArchiveEntry entry(String id, Tenant tenant, int second, String content) {
    return new ArchiveEntry(id, tenant, T0.plusSeconds(second),
        content.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(ArchivedRecord record) {
    return new String(record.content(), StandardCharsets.UTF_8);
  }

  /** Every stored column of every row, as Latin-1 text, to search for leaked plaintext. */
  private static String storedBytes(TestDatabase test) {
    return test.db().transaction(c -> {
      StringBuilder all = new StringBuilder();
      try (ResultSet rows = c.createStatement().executeQuery(
          "SELECT request_id, tenant, ciphertext FROM archive")) {
        while (rows.next()) {
          all.append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ')
              .append(new String(rows.getBytes(3), StandardCharsets.ISO_8859_1)).append('\n');
        }
      }
      return all.toString();
    });
  }
}
