package dev.fulcrum.controlplane.registry.internal;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.Migration;
import dev.fulcrum.controlplane.store.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The control-plane revision: one row, bumped first thing in every transaction that changes
 * registry, rollout or kill-switch state.
 *
 * <p>Two jobs. On PostgreSQL the bump takes the row lock, so control-plane writers are
 * serialized until commit and every check-then-act (is this transition allowed? is another
 * rollout running?) sees the latest committed state under READ COMMITTED; writes are rare, so
 * the lock costs nothing that matters. And a replica learns that anything changed by reading
 * one row ({@link #read}), which is what the routing publisher polls.
 */
public final class Revision {
  static final String COMPONENT = "controlplane-revision";
  private static final List<Migration> STEPS = List.of(
      Migration.portable(1, "control-plane revision counter",
          "CREATE TABLE controlplane_revision (id INTEGER PRIMARY KEY, revision BIGINT NOT NULL);"
              + "INSERT INTO controlplane_revision (id, revision) VALUES (1, 0)"));

  private Revision() {}

  /** Creates the counter when missing; safe to call from every component and replica. */
  public static void migrate(Database db) {
    Migrations.apply(db, COMPONENT, STEPS);
  }

  /** Increments the revision inside the caller's transaction, taking the writers' lock. */
  public static void bump(Connection c) throws SQLException {
    Sql.update(c, "UPDATE controlplane_revision SET revision = revision + 1 WHERE id = 1");
  }

  /** The last committed revision; one indexed row, cheap enough to poll every few 100 ms. */
  public static long read(Database db) {
    return db.transaction(c -> Sql.queryOne(c,
        "SELECT revision FROM controlplane_revision WHERE id = 1", row -> row.getLong(1))
        .orElse(0L));
  }
}
