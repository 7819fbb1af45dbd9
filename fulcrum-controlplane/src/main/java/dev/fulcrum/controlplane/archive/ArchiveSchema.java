package dev.fulcrum.controlplane.archive;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.Migration;
import dev.fulcrum.controlplane.store.Migrations;
import java.util.List;

/** The {@code archive} component's table: ciphertexts and the metadata needed to find them. */
final class ArchiveSchema {
  static final String COMPONENT = "archive";

  private static final List<Migration> STEPS = List.of(new Migration(1,
      "archived requests, encrypted per tenant",
      "CREATE TABLE archive (request_id VARCHAR(64) NOT NULL PRIMARY KEY, tenant VARCHAR(64) "
          + "NOT NULL, created_at BIGINT NOT NULL, key_version INTEGER NOT NULL, "
          + "ciphertext BLOB NOT NULL); "
          + "CREATE INDEX archive_by_tenant ON archive (tenant, created_at)",
      "CREATE TABLE archive (request_id VARCHAR(64) NOT NULL PRIMARY KEY, tenant VARCHAR(64) "
          + "NOT NULL, created_at BIGINT NOT NULL, key_version INTEGER NOT NULL, "
          + "ciphertext BYTEA NOT NULL); "
          + "CREATE INDEX archive_by_tenant ON archive (tenant, created_at)"));

  private ArchiveSchema() {}

  static void apply(Database db) {
    Migrations.apply(db, COMPONENT, STEPS);
  }
}
