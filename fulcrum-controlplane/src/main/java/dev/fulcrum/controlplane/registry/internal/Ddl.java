package dev.fulcrum.controlplane.registry.internal;

import dev.fulcrum.controlplane.store.Migration;

/** Writes one DDL script for both dialects; the only difference we need is the id column. */
public final class Ddl {
  /** Replaced by an auto-increment primary key in each dialect. */
  public static final String ID = "{id}";

  private Ddl() {}

  public static Migration migration(int version, String description, String sql) {
    return new Migration(version, description,
        sql.replace(ID, "id INTEGER PRIMARY KEY AUTOINCREMENT"),
        sql.replace(ID, "id BIGSERIAL PRIMARY KEY"));
  }
}
