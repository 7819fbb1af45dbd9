package dev.fulcrum.controlplane.keys;

import dev.fulcrum.controlplane.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * SQL over {@code tenant_data_keys}, which holds only wrapped keys, and {@code
 * tenant_key_shreds}, which remembers the highest version each tenant's last shred destroyed so
 * that no version number is ever given to a second key.
 */
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

  /** The version a new key of {@code tenant} gets: one above any existing or shredded one. */
  int next(String tenant) {
    return db.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT MAX(v) FROM (SELECT MAX(version) AS "
          + "v FROM tenant_data_keys WHERE tenant = ? UNION ALL SELECT last_version AS v FROM "
          + "tenant_key_shreds WHERE tenant = ?) AS versions")) {
        q.setString(1, tenant);
        q.setString(2, tenant);
        try (ResultSet rows = q.executeQuery()) {
          rows.next();
          return rows.getInt(1) + 1; // SQL NULL (no keys ever) reads as 0
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

  /**
   * Deletes every key of {@code tenant} and, in the same transaction, raises its shred mark to
   * the highest version deleted.
   */
  int deleteAll(String tenant, Instant shreddedAt) {
    return db.transaction(c -> {
      if (db.dialect() == Database.Dialect.SQLITE) {
        try (Statement pragma = c.createStatement()) {
          pragma.execute("PRAGMA secure_delete = ON"); // overwrite freed pages with zeros
        }
      }
      int highest;
      try (PreparedStatement q = c.prepareStatement(
          "SELECT COALESCE(MAX(version), 0) FROM tenant_data_keys WHERE tenant = ?")) {
        q.setString(1, tenant);
        try (ResultSet rows = q.executeQuery()) {
          rows.next();
          highest = rows.getInt(1);
        }
      }
      if (highest > 0) {
        try (PreparedStatement mark = c.prepareStatement("INSERT INTO tenant_key_shreds (tenant, "
            + "last_version, shredded_at) VALUES (?, ?, ?) ON CONFLICT (tenant) DO UPDATE SET "
            + "last_version = CASE WHEN excluded.last_version > tenant_key_shreds.last_version "
            + "THEN excluded.last_version ELSE tenant_key_shreds.last_version END, "
            + "shredded_at = excluded.shredded_at")) {
          mark.setString(1, tenant);
          mark.setInt(2, highest);
          mark.setLong(3, shreddedAt.toEpochMilli());
          mark.executeUpdate();
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
