package dev.fulcrum.controlplane.keys;

import dev.fulcrum.controlplane.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** SQL over {@code tenant_data_keys}; holds only wrapped keys. */
final class DataKeyTable {
  private final Database db;

  DataKeyTable(Database db) {
    this.db = db;
  }

  OptionalInt latest(String tenant) {
    return db.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "SELECT MAX(version) FROM tenant_data_keys WHERE tenant = ?")) {
        q.setString(1, tenant);
        try (ResultSet rows = q.executeQuery()) {
          rows.next();
          int version = rows.getInt(1);
          return rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
        }
      }
    });
  }

  Optional<byte[]> wrapped(String tenant, int version) {
    return db.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "SELECT wrapped FROM tenant_data_keys WHERE tenant = ? AND version = ?")) {
        q.setString(1, tenant);
        q.setInt(2, version);
        try (ResultSet rows = q.executeQuery()) {
          return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
        }
      }
    });
  }

  /** Inserts unless that version exists already; returns whether this call inserted it. */
  boolean insert(String tenant, int version, byte[] wrapped, Instant createdAt) {
    return db.transaction(c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO tenant_data_keys (tenant, "
          + "version, wrapped, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        insert.setString(1, tenant);
        insert.setInt(2, version);
        insert.setBytes(3, wrapped);
        insert.setLong(4, createdAt.toEpochMilli());
        return insert.executeUpdate() == 1;
      }
    });
  }

  int deleteAll(String tenant) {
    return db.transaction(c -> {
      if (db.dialect() == Database.Dialect.SQLITE) {
        try (Statement pragma = c.createStatement()) {
          pragma.execute("PRAGMA secure_delete = ON"); // overwrite freed pages with zeros
        }
      }
      try (PreparedStatement delete = c.prepareStatement(
          "DELETE FROM tenant_data_keys WHERE tenant = ?")) {
        delete.setString(1, tenant);
        return delete.executeUpdate();
      }
    });
  }
}
