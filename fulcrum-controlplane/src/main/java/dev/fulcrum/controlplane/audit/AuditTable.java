package dev.fulcrum.controlplane.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL over {@code audit_events}, shared by the writer, queries and the verifier. */
final class AuditTable {
  private static final String COLUMNS =
      "seq, ts, event_type, tenant, request_id, model_version, body, prev_hash, hash";

  private AuditTable() {}

  static void insert(Connection c, List<StoredRow> rows) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_events (" + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (StoredRow row : rows) {
        insert.setLong(1, row.seq());
        insert.setLong(2, row.ts());
        insert.setString(3, row.type());
        setNullable(insert, 4, row.tenant());
        setNullable(insert, 5, row.requestId());
        setNullable(insert, 6, row.modelVersion());
        insert.setString(7, row.body());
        insert.setString(8, row.prevHash());
        insert.setString(9, row.hash());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The newest event's position, time and hash; {@link ChainTail.Head#EMPTY} when none. */
  static ChainTail.Head head(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(
        "SELECT seq, ts, hash FROM audit_events ORDER BY seq DESC LIMIT 1");
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? new ChainTail.Head(rs.getLong(1), rs.getLong(2),
          new Sha256(rs.getString(3))) : ChainTail.Head.EMPTY;
    }
  }

  /** The row at position {@code seq}, if any. */
  static Optional<StoredRow> at(Connection c, long seq) throws SQLException {
    return select(c, "SELECT " + COLUMNS + " FROM audit_events WHERE seq = ?", seq).stream()
        .findFirst();
  }

  /** Up to {@code limit} rows after position {@code after}, in order. */
  static List<StoredRow> after(Connection c, long after, int limit) throws SQLException {
    return select(c, "SELECT " + COLUMNS + " FROM audit_events WHERE seq > ? ORDER BY seq "
        + "LIMIT ?", after, limit);
  }

  /** Rows {@code first..last}, in order. */
  static List<StoredRow> range(Connection c, long first, long last) throws SQLException {
    return select(c, "SELECT " + COLUMNS + " FROM audit_events WHERE seq >= ? AND seq <= ? "
        + "ORDER BY seq", first, last);
  }

  /** One page of a query, with one extra row to tell whether more follow. */
  static List<StoredRow> query(Connection c, AuditQuery query) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_events WHERE seq > ?");
    List<Object> args = new ArrayList<>(List.of(query.after()));
    query.tenant().ifPresent(t -> add(sql, args, " AND tenant = ?", t.id()));
    query.from().ifPresent(from -> add(sql, args, " AND ts >= ?", from.toEpochMilli()));
    query.to().ifPresent(to -> add(sql, args, " AND ts < ?", to.toEpochMilli()));
    query.requestId().ifPresent(id -> add(sql, args, " AND request_id = ?", id));
    query.modelVersion().ifPresent(v -> add(sql, args, " AND model_version = ?", v));
    sql.append(" ORDER BY seq LIMIT ?");
    args.add(query.limit() + 1);
    return select(c, sql.toString(), args.toArray());
  }

  private static void add(StringBuilder sql, List<Object> args, String clause, Object arg) {
    sql.append(clause);
    args.add(arg);
  }

  private static List<StoredRow> select(Connection c, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        q.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = q.executeQuery()) {
        List<StoredRow> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(new StoredRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
              rs.getString(9)));
        }
        return rows;
      }
    }
  }

  private static void setNullable(PreparedStatement s, int index, String value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, Types.VARCHAR);
    } else {
      s.setString(index, value);
    }
  }
}
