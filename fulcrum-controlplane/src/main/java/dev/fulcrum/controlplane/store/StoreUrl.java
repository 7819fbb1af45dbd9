package dev.fulcrum.controlplane.store;

import java.util.Objects;

/**
 * Where the control plane keeps its state: {@code sqlite:PATH} (the embedded default),
 * {@code sqlite::memory:} (tests), or {@code postgresql://HOST[:PORT]/DB[?user=…&password=…]}
 * (clusters).
 */
public record StoreUrl(Database.Dialect dialect, String jdbcUrl) {
  public StoreUrl {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
  }

  /**
   * @throws IllegalArgumentException naming the accepted forms when {@code url} is none of them
   */
  public static StoreUrl parse(String url) {
    if (url.startsWith("sqlite:")) {
      String path = url.substring("sqlite:".length());
      if (path.isBlank()) {
        throw new IllegalArgumentException("sqlite: needs a file path, e.g. sqlite:./fulcrum.db");
      }
      return new StoreUrl(Database.Dialect.SQLITE, "jdbc:sqlite:" + path);
    }
    if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
      String rest = url.substring(url.indexOf("://") + 3);
      return new StoreUrl(Database.Dialect.POSTGRESQL, "jdbc:postgresql://" + rest);
    }
    throw new IllegalArgumentException("store URL must be sqlite:PATH or "
        + "postgresql://HOST:PORT/DB?user=…, got '" + url + "'");
  }

  /** Whether this is a private in-memory SQLite database. */
  boolean inMemory() {
    return dialect == Database.Dialect.SQLITE && jdbcUrl.endsWith(":memory:");
  }

  /** The URL without credentials, for messages. */
  @Override
  public String toString() {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
  }
}
