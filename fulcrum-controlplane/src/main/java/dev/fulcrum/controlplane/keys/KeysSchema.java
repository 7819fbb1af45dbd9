package dev.fulcrum.controlplane.keys;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.Migration;
import dev.fulcrum.controlplane.store.Migrations;
import java.util.List;

/** The {@code keys} component's tables. */
final class KeysSchema {
  static final String COMPONENT = "keys";

  private static final List<Migration> STEPS = List.of(new Migration(1,
      "tenant data-encryption keys, wrapped by the KEK",
      "CREATE TABLE tenant_data_keys (tenant VARCHAR(64) NOT NULL, version INTEGER NOT NULL, "
          + "wrapped BLOB NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (tenant, version))",
      "CREATE TABLE tenant_data_keys (tenant VARCHAR(64) NOT NULL, version INTEGER NOT NULL, "
          + "wrapped BYTEA NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (tenant, version))"),
      Migration.portable(2, "the highest key version each shred destroyed, never reused",
          "CREATE TABLE tenant_key_shreds (tenant VARCHAR(64) NOT NULL PRIMARY KEY, "
              + "last_version INTEGER NOT NULL, shredded_at BIGINT NOT NULL)"));

  private KeysSchema() {}

  static void apply(Database db) {
    Migrations.apply(db, COMPONENT, STEPS);
  }
}
