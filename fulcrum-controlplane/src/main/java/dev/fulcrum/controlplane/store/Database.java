package dev.fulcrum.controlplane.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A pooled connection to the control-plane store, SQLite or PostgreSQL. Components keep their
 * own tables and evolve them with {@link Migrations}; everything else is plain JDBC through
 * {@link #transaction}.
 *
 * <p>SQLite runs in WAL mode with one pooled connection: writes are serialized anyway, and one
 * connection makes {@code sqlite::memory:} a single shared database.
 */
public final class Database implements AutoCloseable {

  /** The SQL dialects Fulcrum supports. */
  public enum Dialect {
    SQLITE,
    POSTGRESQL
  }

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final StoreUrl url;
  private final HikariDataSource pool;

  private Database(StoreUrl url, HikariDataSource pool) {
    this.url = url;
    this.pool = pool;
  }

  /**
   * Opens (and for SQLite, creates) the store.
   *
   * @throws StoreException when the store cannot be reached
   */
  public static Database open(StoreUrl url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    config.setPoolName("fulcrum-store");
    config.setConnectionTimeout(10_000);
    if (url.dialect() == Dialect.SQLITE) {
      config.setMaximumPoolSize(1);
      config.setConnectionInitSql("PRAGMA foreign_keys = ON");
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "FULL");
      config.addDataSourceProperty("busy_timeout", "10000");
    } else {
      config.setMaximumPoolSize(8);
    }
    try {
      return new Database(url, new HikariDataSource(config));
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the store at " + url + ": " + rootMessage(e), e);
    }
  }

  public Dialect dialect() {
    return url.dialect();
  }

  public DataSource dataSource() {
    return pool;
  }

  /**
   * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws.
   *
   * @throws StoreException wrapping any {@link SQLException}
   */
  public <T> T transaction(Work<T> work) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("store operation failed: " + e.getMessage(), e);
    }
  }

  /** Runs one statement outside a transaction (DDL, pragmas). */
  public void execute(String sql) {
    try (Connection connection = pool.getConnection(); Statement statement =
        connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new StoreException("store statement failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "Database[" + url + "]";
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
