package dev.fulcrum.gateway.config;

import dev.fulcrum.controlplane.store.Database;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code audit:} section.
 *
 * @param keyset the Tink JSON keyset that signs audit checkpoints (Ed25519): the gateway signs
 *     with it, {@code fulcrum audit verify} checks with its public half. Default: {@value
 *     #DEFAULT_FILE} next to a SQLite store, else in the working directory
 */
public record AuditConfig(Path keyset) {
  public static final String DEFAULT_FILE = "fulcrum-audit.keyset.json";

  public AuditConfig {
    Objects.requireNonNull(keyset, "keyset");
  }

  /** The default for {@code store}: next to its SQLite file, else in the working directory. */
  public static AuditConfig defaultsFor(StoreConfig store) {
    String jdbc = store.url().jdbcUrl();
    String sqlite = "jdbc:sqlite:";
    if (store.url().dialect() == Database.Dialect.SQLITE && !jdbc.endsWith(":memory:")) {
      Path parent = Path.of(jdbc.substring(sqlite.length())).getParent();
      return new AuditConfig(parent == null ? Path.of(DEFAULT_FILE)
          : parent.resolve(DEFAULT_FILE));
    }
    return new AuditConfig(Path.of(DEFAULT_FILE));
  }

  static AuditConfig from(ConfigNode node, StoreConfig store) {
    node.allowOnly("keyset");
    if (!node.has("keyset")) {
      return defaultsFor(store);
    }
    String path = node.string("keyset").strip();
    if (path.isEmpty()) {
      throw node.field("keyset").error("must be a file path, e.g. ./fulcrum-audit.keyset.json");
    }
    return new AuditConfig(Path.of(path));
  }
}
