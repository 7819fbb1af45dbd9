package dev.fulcrum.controlplane.audit;

import dev.fulcrum.controlplane.store.Database;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/** Refuses to run the audit log on a SQLite connection that could lose acknowledged commits. */
final class Durability {
  private Durability() {}

  static void require(Database db) {
    if (db.dialect() != Database.Dialect.SQLITE) {
      return; // PostgreSQL: every audit transaction sets synchronous_commit=on itself
    }
    String journal = pragma(db, "journal_mode");
    String synchronous = pragma(db, "synchronous");
    if (!journal.toLowerCase(Locale.ROOT).equals("wal")
        || Integer.parseInt(synchronous) < 2) {
      throw new IllegalStateException("the audit log needs SQLite in WAL mode with "
          + "synchronous=FULL, found journal_mode=" + journal + " synchronous=" + synchronous);
    }
  }

  private static String pragma(Database db, String name) {
    return db.transaction(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
        rs.next();
        return rs.getString(1);
      }
    });
  }
}
