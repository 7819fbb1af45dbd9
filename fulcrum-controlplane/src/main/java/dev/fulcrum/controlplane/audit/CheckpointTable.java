package dev.fulcrum.controlplane.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** SQL over {@code audit_checkpoints}. */
final class CheckpointTable {
  /** A checkpoint row as stored, before its statement is parsed or its signature checked. */
  record Row(long number, long first, long last, long ts, String statement, String signature) {
    byte[] signatureBytes() {
      return Base64.getDecoder().decode(signature);
    }
  }

  private CheckpointTable() {}

  static void insert(Connection c, Checkpoint checkpoint) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_checkpoints (number, "
        + "first_seq, last_seq, ts, statement, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, checkpoint.number());
      insert.setLong(2, checkpoint.firstSequence());
      insert.setLong(3, checkpoint.lastSequence());
      insert.setLong(4, checkpoint.timestamp().toEpochMilli());
      insert.setString(5, checkpoint.statement());
      insert.setString(6, Base64.getEncoder().encodeToString(checkpoint.signature()));
      insert.executeUpdate();
    }
  }

  static Optional<Row> last(Connection c) throws SQLException {
    return select(c, "SELECT number, first_seq, last_seq, ts, statement, signature FROM "
        + "audit_checkpoints ORDER BY number DESC LIMIT 1").stream().findFirst();
  }

  static List<Row> all(Connection c) throws SQLException {
    return select(c, "SELECT number, first_seq, last_seq, ts, statement, signature FROM "
        + "audit_checkpoints ORDER BY number");
  }

  private static List<Row> select(Connection c, String sql) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
      List<Row> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getString(5), rs.getString(6)));
      }
      return rows;
    }
  }
}
