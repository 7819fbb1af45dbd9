package dev.fulcrum.controlplane.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a component's tables up to date. Each component (registry, audit, …) owns a list of
 * {@link Migration}s; applied versions are recorded in {@code fulcrum_schema}. On PostgreSQL an
 * advisory lock makes concurrent replicas apply each step exactly once.
 */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  /**
   * Applies the steps of {@code component} that the store has not seen, each in its own
   * transaction.
   *
   * @throws StoreException when a step fails (that step is rolled back)
   * @throws IllegalArgumentException when versions are not 1, 2, 3, …
   */
  public static void apply(Database db, String component, List<Migration> steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).version() != i + 1) {
        throw new IllegalArgumentException(component + " migrations must be numbered 1, 2, 3, …");
      }
    }
    db.transaction(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS fulcrum_schema (component VARCHAR(64) NOT "
            + "NULL, version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, "
            + "PRIMARY KEY (component, version))");
      }
      return null;
    });
    db.transaction(connection -> {
      lock(db, connection, component);
      int current = currentVersion(connection, component);
      for (Migration step : steps.subList(Math.min(current, steps.size()), steps.size())) {
        run(connection, step.sql(db.dialect()));
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO fulcrum_schema (component, version, description) VALUES (?, ?, ?)")) {
          insert.setString(1, component);
          insert.setInt(2, step.version());
          insert.setString(3, step.description());
          insert.executeUpdate();
        }
        log.info("store: {} schema now at version {} ({})", component, step.version(),
            step.description());
      }
      return null;
    });
  }

  private static void lock(Database db, Connection connection, String component)
      throws SQLException {
    if (db.dialect() == Database.Dialect.POSTGRESQL) {
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        statement.setLong(1, ("fulcrum_schema:" + component).hashCode());
        statement.execute();
      }
    }
  }

  private static int currentVersion(Connection connection, String component)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT COALESCE(MAX(version), 0) FROM fulcrum_schema WHERE component = ?")) {
      query.setString(1, component);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static void run(Connection connection, String script) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : script.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
  }
}
