package dev.fulcrum.controlplane.killswitch;

import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.registry.VersionState;
import dev.fulcrum.controlplane.registry.internal.Ddl;
import dev.fulcrum.controlplane.registry.internal.Listeners;
import dev.fulcrum.controlplane.registry.internal.RegistryStore;
import dev.fulcrum.controlplane.registry.internal.Sql;
import dev.fulcrum.controlplane.registry.internal.Tx;
import dev.fulcrum.controlplane.store.Migration;
import dev.fulcrum.controlplane.store.Migrations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link KillSwitch} on the control-plane store: {@code killswitch_active} holds what is off
 * now, {@code killswitch_log} every flip. A target is stored as (kind, name, version), with an
 * empty version for models and backends.
 */
final class JdbcKillSwitch implements KillSwitch {
  private static final List<Migration> STEPS = List.of(Ddl.migration(1, "active switches and "
      + "their log",
      "CREATE TABLE killswitch_active (kind VARCHAR(16) NOT NULL, name VARCHAR(200) NOT NULL, "
          + "version VARCHAR(64) NOT NULL, actor TEXT NOT NULL, reason TEXT NOT NULL, "
          + "since BIGINT NOT NULL, PRIMARY KEY (kind, name, version));"
          + "CREATE TABLE killswitch_log (" + Ddl.ID + ", kind VARCHAR(16) NOT NULL, "
          + "name VARCHAR(200) NOT NULL, version VARCHAR(64) NOT NULL, disabled INTEGER NOT "
          + "NULL, actor TEXT NOT NULL, reason TEXT NOT NULL, at BIGINT NOT NULL)"));

  private final RegistryStore registry;
  private final Listeners<SwitchChange> listeners = new Listeners<>();

  private JdbcKillSwitch(RegistryStore registry) {
    this.registry = registry;
  }

  static KillSwitch open(ModelRegistry registry) {
    RegistryStore store = RegistryStore.of(registry);
    Migrations.apply(store.db(), "killswitch", STEPS);
    return new JdbcKillSwitch(store);
  }

  @Override
  public boolean disable(SwitchTarget target, Change change) {
    return registry.write(tx -> {
      requireExists(tx, target);
      if (isOff(tx, target)) {
        return false;
      }
      Key key = Key.of(target);
      Sql.update(tx.connection(), "INSERT INTO killswitch_active (kind, name, version, actor, "
          + "reason, since) VALUES (?, ?, ?, ?, ?, ?)", key.kind(), key.name(), key.version(),
          change.actor(), change.reason(), tx.now());
      if (target instanceof SwitchTarget.Version v) {
        registry.transition(tx, v.model(), v.version(), VersionState.DISABLED, change);
      }
      log(tx, target, true, change);
      return true;
    });
  }

  @Override
  public boolean enable(SwitchTarget target, Change change) {
    return registry.write(tx -> {
      Key key = Key.of(target);
      int removed = Sql.update(tx.connection(), "DELETE FROM killswitch_active WHERE kind = ? "
          + "AND name = ? AND version = ?", key.kind(), key.name(), key.version());
      if (removed == 0) {
        return false;
      }
      if (target instanceof SwitchTarget.Version v) {
        registry.enable(tx, v.model(), v.version(), change);
      }
      log(tx, target, false, change);
      return true;
    });
  }

  @Override
  public List<ActiveSwitch> active() {
    return registry.read(c -> Sql.query(c, "SELECT kind, name, version, actor, reason, since "
        + "FROM killswitch_active ORDER BY since, kind, name, version", row -> new ActiveSwitch(
            Key.target(row), change(row), Sql.instant(row, "since"))));
  }

  @Override
  public List<SwitchChange> history() {
    return registry.read(c -> Sql.query(c, "SELECT kind, name, version, disabled, actor, reason, "
        + "at FROM killswitch_log ORDER BY id", row -> new SwitchChange(Key.target(row),
            row.getInt("disabled") == 1, change(row), Sql.instant(row, "at"))));
  }

  @Override
  public void onChange(Consumer<? super SwitchChange> listener) {
    listeners.add(listener);
  }

  private void requireExists(Tx tx, SwitchTarget target) throws SQLException {
    switch (target) {
      case SwitchTarget.Version v -> registry.require(tx.connection(), v.model(), v.version());
      case SwitchTarget.Model m -> registry.requireModel(tx.connection(), m.model());
      case SwitchTarget.Backend b -> { }
    }
  }

  private static boolean isOff(Tx tx, SwitchTarget target) throws SQLException {
    Key key = Key.of(target);
    return Sql.queryOne(tx.connection(), "SELECT 1 FROM killswitch_active WHERE kind = ? AND "
        + "name = ? AND version = ?", row -> true, key.kind(), key.name(), key.version())
        .isPresent();
  }

  private void log(Tx tx, SwitchTarget target, boolean disabled, Change change)
      throws SQLException {
    Key key = Key.of(target);
    Sql.update(tx.connection(), "INSERT INTO killswitch_log (kind, name, version, disabled, "
        + "actor, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)", key.kind(), key.name(),
        key.version(), disabled, change.actor(), change.reason(), tx.now());
    SwitchChange event = new SwitchChange(target, disabled, change, tx.now());
    tx.afterCommit(() -> listeners.publish(event));
  }

  private static Change change(ResultSet row) throws SQLException {
    return new Change(row.getString("actor"), row.getString("reason"));
  }

  /** A target as stored. */
  private record Key(String kind, String name, String version) {
    static Key of(SwitchTarget target) {
      return switch (target) {
        case SwitchTarget.Version v -> new Key("VERSION", v.model(), v.version());
        case SwitchTarget.Model m -> new Key("MODEL", m.model(), "");
        case SwitchTarget.Backend b -> new Key("BACKEND", b.backend(), "");
      };
    }

    static SwitchTarget target(ResultSet row) throws SQLException {
      String name = row.getString("name");
      return switch (row.getString("kind")) {
        case "VERSION" -> new SwitchTarget.Version(name, row.getString("version"));
        case "MODEL" -> new SwitchTarget.Model(name);
        case "BACKEND" -> new SwitchTarget.Backend(name);
        default -> throw new IllegalStateException("unknown kill-switch kind in the store");
      };
    }
  }
}
