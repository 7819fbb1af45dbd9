package dev.fulcrum.controlplane.store;

import java.util.Objects;

/**
 * One step of a component's schema, in both dialects.
 *
 * @param version 1, 2, 3, … within the component; applied in order, each once
 * @param description what it changes
 * @param sqlite the statements for SQLite, separated by {@code ;}
 * @param postgresql the statements for PostgreSQL, separated by {@code ;}
 */
public record Migration(int version, String description, String sqlite, String postgresql) {
  public Migration {
    if (version < 1) {
      throw new IllegalArgumentException("migration versions start at 1");
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sqlite, "sqlite");
    Objects.requireNonNull(postgresql, "postgresql");
  }

  /** For statements that are the same in both dialects. */
  public static Migration portable(int version, String description, String sql) {
    return new Migration(version, description, sql, sql);
  }

  String sql(Database.Dialect dialect) {
    return dialect == Database.Dialect.SQLITE ? sqlite : postgresql;
  }
}
