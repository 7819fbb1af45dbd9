package dev.fulcrum.controlplane.audit;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Recognizes a write refused because its key is taken: the sign that another writer extended
 * the chain (or signed a checkpoint) since this one last looked. Such a transaction changed
 * nothing, so it is safe to retry on the store's current tail.
 */
final class KeyConflict {
  private static final String UNIQUE_VIOLATION = "23505"; // PostgreSQL

  private KeyConflict() {}

  static boolean causes(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite
          && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
          || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)) {
        return true;
      }
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
