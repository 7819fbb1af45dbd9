package dev.fulcrum.controlplane.store;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for tests: a temporary SQLite file, and a fresh schema in the PostgreSQL named
 * by {@code FULCRUM_TEST_POSTGRES_URL} (default {@code postgresql://127.0.0.1:5432/test?user=
 * postgres}). When PostgreSQL is unreachable the test is skipped locally and fails under
 * {@code CI=true}.
 */
public final class TestDatabases {
  public static final String POSTGRES_ENV = "FULCRUM_TEST_POSTGRES_URL";
  private static final String DEFAULT_POSTGRES = "postgresql://127.0.0.1:5432/test?user=postgres";

  private TestDatabases() {}

  /** A database and how to dispose of it. */
  public record TestDatabase(String name, Database db, Runnable cleanup) implements AutoCloseable {
    @Override
    public void close() {
      db.close();
      cleanup.run();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Both dialects, for {@code @MethodSource}; PostgreSQL only when reachable (see above). */
  public static Stream<String> dialects() {
    return Stream.of("sqlite", "postgresql");
  }

  /** Opens {@code dialect} ("sqlite" or "postgresql") fresh and empty. */
  public static TestDatabase open(String dialect, Path tempDir) {
    return switch (dialect) {
      case "sqlite" -> sqlite(tempDir);
      case "postgresql" -> postgres();
      default -> throw new IllegalArgumentException(dialect);
    };
  }

  public static TestDatabase sqlite(Path tempDir) {
    Path file = tempDir.resolve("store-" + ThreadLocalRandom.current().nextInt(1 << 30) + ".db");
    return new TestDatabase("sqlite", Database.open(StoreUrl.parse("sqlite:" + file)), () -> { });
  }

  public static TestDatabase postgres() {
    String url = System.getenv().getOrDefault(POSTGRES_ENV, DEFAULT_POSTGRES);
    String jdbc = StoreUrl.parse(url).jdbcUrl();
    String schema = "t_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      unavailable(url, e);
    }
    String separator = url.contains("?") ? "&" : "?";
    Database db = Database.open(StoreUrl.parse(url + separator + "currentSchema=" + schema));
    return new TestDatabase("postgresql", db, () -> {
      try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      } catch (SQLException e) {
        // best effort: a leftover empty schema does no harm
      }
    });
  }

  private static void unavailable(String url, SQLException e) {
    String message = "PostgreSQL at " + url + " is unreachable (" + e.getMessage() + "); start "
        + "it or set " + POSTGRES_ENV;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
  }
}
