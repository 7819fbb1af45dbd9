package dev.fulcrum.bench.audit;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.StoreUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/** A fresh, empty store per run: a new SQLite file, or a new PostgreSQL schema. */
final class BenchStore implements AutoCloseable {
  final String dialect;
  final Database db;
  private final Runnable cleanup;

  private BenchStore(String dialect, Database db, Runnable cleanup) {
    this.dialect = dialect;
    this.db = db;
    this.cleanup = cleanup;
  }

  static BenchStore open(String dialect, Path dir, String postgresUrl) throws IOException,
      SQLException {
    if (dialect.equals("sqlite")) {
      Path file = Files.createTempFile(dir, "audit-bench-", ".db");
      Files.delete(file);
      return new BenchStore(dialect, Database.open(StoreUrl.parse("sqlite:" + file)), () -> {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
          try {
            Files.deleteIfExists(Path.of(file + suffix));
          } catch (IOException ignored) {
            // temporary files; the OS cleans up
          }
        }
      });
    }
    String jdbc = StoreUrl.parse(postgresUrl).jdbcUrl();
    String schema = "bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String separator = postgresUrl.contains("?") ? "&" : "?";
    Database db = Database.open(StoreUrl.parse(postgresUrl + separator + "currentSchema="
        + schema));
    return new BenchStore(dialect, db, () -> {
      try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      } catch (SQLException ignored) {
        // a leftover schema does no harm
      }
    });
  }

  @Override
  public void close() {
    db.close();
    cleanup.run();
  }
}
