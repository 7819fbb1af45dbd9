package dev.fulcrum.controlplane.archive;

import dev.fulcrum.controlplane.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL over {@code archive}; holds ciphertext only. */
final class ArchiveTable {
  /** A stored row: what it is, and its ciphertext. */
  record Row(ArchiveSummary summary, byte[] ciphertext) {}

  private static final String COLUMNS = "request_id, tenant, created_at, key_version";

  private final Database db;

  ArchiveTable(Database db) {
    this.db = db;
  }

  void insert(List<Row> rows) {
    db.transaction(c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO archive (" + COLUMNS
          + ", ciphertext) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        for (Row row : rows) {
          insert.setString(1, row.summary().requestId());
          insert.setString(2, row.summary().tenant());
          insert.setLong(3, row.summary().createdAt().toEpochMilli());
          insert.setInt(4, row.summary().keyVersion());
          insert.setBytes(5, row.ciphertext());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  Optional<Row> find(String requestId) {
    return db.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + ", ciphertext FROM "
          + "archive WHERE request_id = ?")) {
        q.setString(1, requestId);
        try (ResultSet rows = q.executeQuery()) {
          return rows.next() ? Optional.of(new Row(summary(rows), rows.getBytes(5)))
              : Optional.empty();
        }
      }
    });
  }

  List<ArchiveSummary> newest(String tenant, int limit) {
    return db.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM archive WHERE "
          + "tenant = ? ORDER BY created_at DESC, request_id DESC LIMIT ?")) {
        q.setString(1, tenant);
        q.setInt(2, limit);
        List<ArchiveSummary> found = new ArrayList<>();
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            found.add(summary(rows));
          }
        }
        return found;
      }
    });
  }

  private static ArchiveSummary summary(ResultSet rows) throws SQLException {
    return new ArchiveSummary(rows.getString(1), rows.getString(2),
        Instant.ofEpochMilli(rows.getLong(3)), rows.getInt(4));
  }
}
