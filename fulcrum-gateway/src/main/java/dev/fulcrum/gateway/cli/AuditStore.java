package dev.fulcrum.gateway.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import dev.fulcrum.controlplane.keys.KeysetException;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.keys.Keysets;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.StoreException;
import dev.fulcrum.gateway.config.ConfigException;
import dev.fulcrum.gateway.config.ConfigLoader;
import dev.fulcrum.gateway.config.FulcrumConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.slf4j.LoggerFactory;

/**
 * The audit log's store and signing keyset as a gateway config names them, opened offline for
 * the {@code audit} commands. Creates neither: a missing SQLite file, audit log or keyset is an
 * {@link AuditFailure}, since creating one would only hide that the wrong config was given.
 */
final class AuditStore implements AutoCloseable {
  private static final String SQLITE = "jdbc:sqlite:";

  private final FulcrumConfig config;
  private final Database db;

  private AuditStore(FulcrumConfig config, Database db) {
    this.config = config;
    this.db = db;
  }

  /** Loads {@code configFile} (with the environment's variables) and opens its store. */
  static AuditStore open(Path configFile) {
    quietPoolLogging();
    FulcrumConfig config;
    try {
      config = ConfigLoader.withVariables(System.getenv()).load(configFile);
    } catch (ConfigException e) {
      throw new AuditFailure(e.getMessage());
    }
    String jdbc = config.store().url().jdbcUrl();
    if (jdbc.startsWith(SQLITE) && !jdbc.endsWith(":memory:")
        && !Files.isRegularFile(Path.of(jdbc.substring(SQLITE.length())))) {
      throw new AuditFailure("no store at " + jdbc.substring(SQLITE.length()) + " (store.url "
          + "in " + configFile + "); point --config at the gateway's config file");
    }
    try {
      return new AuditStore(config, Database.open(config.store().url()));
    } catch (StoreException e) {
      throw new AuditFailure(e.getMessage());
    }
  }

  Database db() {
    return db;
  }

  /** Where {@code audit.keyset} points. */
  Path keysetPath() {
    return config.audit().keyset();
  }

  /** The configured signing keyset; it must exist, so that no new key is ever generated here. */
  KeysetSource signingKeys() {
    Path path = keysetPath();
    if (!Files.isRegularFile(path)) {
      throw new AuditFailure("no audit signing keyset at " + path.toAbsolutePath() + "; set "
          + "audit.keyset in the config to the file the gateway signs with"
          + " (or verify with --public-key FILE)");
    }
    return KeysetSource.file(path);
  }

  /** The public half that verifies checkpoints: from {@code publicKey}, else the keyset. */
  String publicKeysetJson(Path publicKey) {
    try {
      if (publicKey != null) {
        return Files.readString(publicKey, StandardCharsets.UTF_8);
      }
      return Keysets.publicKeysetJson(signingKeys()
          .loadOrGenerate(PredefinedSignatureParameters.ED25519));
    } catch (IOException e) {
      throw new AuditFailure("cannot read the public key file " + publicKey + " ("
          + e.getMessage() + ")");
    } catch (KeysetException e) {
      throw new AuditFailure(e.getMessage());
    }
  }

  /** How many events and checkpoints a log holds. */
  record Size(long events, long checkpoints) {}

  /** The log's size, for progress; fails when the store has no audit log. */
  Size size() {
    try {
      return db.transaction(c -> {
        try (Statement s = c.createStatement();
            ResultSet events = s.executeQuery("SELECT COUNT(*) FROM audit_events")) {
          events.next();
          long count = events.getLong(1);
          try (ResultSet checkpoints = s.executeQuery(
              "SELECT COUNT(*) FROM audit_checkpoints")) {
            checkpoints.next();
            return new Size(count, checkpoints.getLong(1));
          }
        }
      });
    } catch (StoreException e) {
      throw new AuditFailure("the store " + config.store().url() + " has no readable audit log ("
          + e.getMessage() + ")");
    }
  }

  @Override
  public void close() {
    db.close();
  }

  /** The connection pool's start and stop lines are noise in a command's output. */
  private static void quietPoolLogging() {
    if (LoggerFactory.getLogger("com.zaxxer.hikari") instanceof Logger pool
        && pool.getLevel() == null) {
      pool.setLevel(Level.WARN);
    }
  }
}
