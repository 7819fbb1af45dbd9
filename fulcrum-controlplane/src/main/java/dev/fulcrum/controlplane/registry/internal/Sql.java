package dev.fulcrum.controlplane.registry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC in one line per statement. Parameters may be {@link String}, {@link Long},
 * {@link Integer}, {@link Double}, {@link Boolean} (stored as 0/1), {@link Instant} (stored as
 * epoch milliseconds in a {@code BIGINT}) or {@link Null}.
 */
public final class Sql {
  private Sql() {}

  /** A typed SQL {@code NULL} parameter (PostgreSQL wants the type). */
  public record Null(int sqlType) {
    public static final Null TEXT = new Null(Types.VARCHAR);
    public static final Null BIGINT = new Null(Types.BIGINT);
    public static final Null DOUBLE = new Null(Types.DOUBLE);
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Runs an INSERT/UPDATE/DELETE; returns the number of rows it touched. */
  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = prepare(c, sql, params)) {
      return statement.executeUpdate();
    }
  }

  /** Runs an {@code INSERT … RETURNING id} (both dialects support it) and returns the id. */
  public static long insert(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = prepare(c, sql + " RETURNING id", params);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement statement = prepare(c, sql, params);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  public static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper,
      Object... params) throws SQLException {
    List<T> rows = query(c, sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  /** An instant column written by this class. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    return Instant.ofEpochMilli(row.getLong(column));
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        bind(statement, i + 1, params[i]);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
    switch (value) {
      case String text -> s.setString(index, text);
      case Long number -> s.setLong(index, number);
      case Integer number -> s.setLong(index, number);
      case Double number -> s.setDouble(index, number);
      case Boolean flag -> s.setInt(index, flag ? 1 : 0);
      case Instant at -> s.setLong(index, at.toEpochMilli());
      case Null typed -> s.setNull(index, typed.sqlType());
      default -> throw new IllegalArgumentException("unsupported SQL parameter type "
          + value.getClass().getSimpleName());
    }
  }
}
