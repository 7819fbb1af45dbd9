package dev.fulcrum.controlplane.registry.internal;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.Migration;
import dev.fulcrum.controlplane.store.Migrations;
import java.util.List;

/** The registry's tables. Timestamps are epoch milliseconds. */
final class RegistrySchema {
  static final String COMPONENT = "registry";
  private static final List<Migration> STEPS = List.of(Ddl.migration(1, "models, versions, "
      + "transitions, alias history",
      "CREATE TABLE registry_models (" + Ddl.ID + ", name VARCHAR(128) NOT NULL UNIQUE, "
          + "created_at BIGINT NOT NULL);"
          + "CREATE TABLE registry_versions (" + Ddl.ID + ", model VARCHAR(128) NOT NULL, "
          + "version VARCHAR(64) NOT NULL, artifact_uri TEXT NOT NULL, sha256 VARCHAR(64) NOT "
          + "NULL, input_schema TEXT NOT NULL, output_schema TEXT NOT NULL, owner TEXT NOT NULL, "
          + "training_data TEXT NOT NULL, metrics TEXT NOT NULL, labels TEXT NOT NULL, "
          + "routes TEXT NOT NULL, state VARCHAR(16) NOT NULL, disabled_from VARCHAR(16), "
          + "created_at BIGINT NOT NULL, UNIQUE (model, version));"
          + "CREATE TABLE registry_transitions (" + Ddl.ID + ", model VARCHAR(128) NOT NULL, "
          + "version VARCHAR(64) NOT NULL, from_state VARCHAR(16) NOT NULL, to_state VARCHAR(16) "
          + "NOT NULL, actor TEXT NOT NULL, reason TEXT NOT NULL, at BIGINT NOT NULL);"
          + "CREATE INDEX registry_transitions_model ON registry_transitions (model, id);"
          + "CREATE TABLE registry_aliases (" + Ddl.ID + ", model VARCHAR(128) NOT NULL, "
          + "alias VARCHAR(64) NOT NULL, version VARCHAR(64), actor TEXT NOT NULL, "
          + "reason TEXT NOT NULL, at BIGINT NOT NULL);"
          + "CREATE INDEX registry_aliases_model ON registry_aliases (model, alias, id)"));

  private RegistrySchema() {}

  static void migrate(Database db) {
    Revision.migrate(db);
    Migrations.apply(db, COMPONENT, STEPS);
  }
}
