package dev.fulcrum.controlplane.registry.internal;

import dev.fulcrum.controlplane.registry.AliasAssigned;
import dev.fulcrum.controlplane.registry.AliasInterval;
import dev.fulcrum.controlplane.registry.AliasRemoved;
import dev.fulcrum.controlplane.registry.Artifact;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.IllegalTransitionException;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.registry.ModelVersion;
import dev.fulcrum.controlplane.registry.RegistryConflictException;
import dev.fulcrum.controlplane.registry.RegistryEvent;
import dev.fulcrum.controlplane.registry.Signature;
import dev.fulcrum.controlplane.registry.UnknownModelException;
import dev.fulcrum.controlplane.registry.UnknownVersionException;
import dev.fulcrum.controlplane.registry.VersionMetadata;
import dev.fulcrum.controlplane.registry.VersionRegistered;
import dev.fulcrum.controlplane.registry.VersionSpec;
import dev.fulcrum.controlplane.registry.VersionState;
import dev.fulcrum.controlplane.registry.VersionTransition;
import dev.fulcrum.controlplane.store.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's rows, for the registry service and for the packages that must change a
 * version in the same transaction as their own rows (rollouts, kill switches). Reads take a
 * {@link Connection}; writes take a {@link Tx}, check {@link VersionState#TRANSITIONS}, store the
 * history row, and queue the event for after commit.
 *
 * <p>Design notes. History is append-only: {@code registry_transitions} holds every move and
 * {@code registry_aliases} every assignment and removal of an alias (a {@code NULL} version is
 * a removal). An alias's validity intervals are consecutive rows of the latter, so "which
 * version did {@code prod} serve at T" is one indexed scan. State changes use a conditional
 * {@code UPDATE … WHERE state = ?} as a second line of defence behind the revision lock.
 */
public final class RegistryStore {
  /** Implemented by the registry created by {@link ModelRegistry#create}. */
  public interface Owner {
    RegistryStore store();
  }

  private static final String VERSION_COLUMNS = "model, version, artifact_uri, sha256, "
      + "input_schema, output_schema, owner, training_data, metrics, labels, routes, state, "
      + "created_at";

  private final Database db;
  private final InstantSource clock;
  private final Listeners<RegistryEvent> events = new Listeners<>();

  /** Opens the store, creating or upgrading its tables. */
  public RegistryStore(Database db, InstantSource clock) {
    this.db = db;
    this.clock = clock;
    RegistrySchema.migrate(db);
  }

  /**
   * The store behind {@code registry}.
   *
   * @throws IllegalArgumentException when {@code registry} was not made by {@link
   *     ModelRegistry#create}
   */
  public static RegistryStore of(ModelRegistry registry) {
    if (registry instanceof Owner owner) {
      return owner.store();
    }
    throw new IllegalArgumentException("needs the registry made by ModelRegistry.create(…)");
  }

  public Database db() {
    return db;
  }

  public InstantSource clock() {
    return clock;
  }

  public Listeners<RegistryEvent> events() {
    return events;
  }

  /** Runs a control-plane write (see {@link Tx}). */
  public <T> T write(Tx.Work<T> work) {
    return Tx.write(db, clock, work);
  }

  /** Runs a read-only transaction. */
  public <T> T read(Database.Work<T> work) {
    return db.transaction(work);
  }

  // ---------------------------------------------------------------- reads

  public List<String> models(Connection c) throws SQLException {
    return Sql.query(c, "SELECT name FROM registry_models ORDER BY id", row -> row.getString(1));
  }

  public boolean modelExists(Connection c, String model) throws SQLException {
    return Sql.queryOne(c, "SELECT 1 FROM registry_models WHERE name = ?", row -> true, model)
        .isPresent();
  }

  /** @throws UnknownModelException when the model is not registered */
  public void requireModel(Connection c, String model) throws SQLException {
    if (!modelExists(c, model)) {
      throw new UnknownModelException(model);
    }
  }

  public Optional<ModelVersion> version(Connection c, String model, String version)
      throws SQLException {
    return Sql.queryOne(c, "SELECT " + VERSION_COLUMNS + " FROM registry_versions "
        + "WHERE model = ? AND version = ?", RegistryStore::versionRow, model, version);
  }

  /** @throws UnknownModelException or {@link UnknownVersionException} */
  public ModelVersion require(Connection c, String model, String version) throws SQLException {
    Optional<ModelVersion> found = version(c, model, version);
    if (found.isPresent()) {
      return found.get();
    }
    requireModel(c, model);
    throw new UnknownVersionException(model, version);
  }

  /** Every version of {@code model}, oldest first. */
  public List<ModelVersion> versions(Connection c, String model) throws SQLException {
    return Sql.query(c, "SELECT " + VERSION_COLUMNS + " FROM registry_versions WHERE model = ? "
        + "ORDER BY id", RegistryStore::versionRow, model);
  }

  /** The aliases of {@code model} in force now, by alias name. */
  public Map<String, String> aliases(Connection c, String model) throws SQLException {
    Map<String, String> aliases = new LinkedHashMap<>();
    for (AliasRow row : Sql.query(c, "SELECT alias, version, actor, reason, at FROM "
        + "registry_aliases WHERE model = ? ORDER BY id", RegistryStore::aliasRow, model)) {
      if (row.version() == null) {
        aliases.remove(row.alias());
      } else {
        aliases.put(row.alias(), row.version());
      }
    }
    return aliases;
  }

  /** The validity intervals of {@code alias}, oldest first; the last may be open. */
  public List<AliasInterval> aliasHistory(Connection c, String model, String alias)
      throws SQLException {
    List<AliasRow> rows = Sql.query(c, "SELECT alias, version, actor, reason, at FROM "
        + "registry_aliases WHERE model = ? AND alias = ? ORDER BY id", RegistryStore::aliasRow,
        model, alias);
    List<AliasInterval> intervals = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      AliasRow row = rows.get(i);
      if (row.version() != null) {
        Instant until = i + 1 < rows.size() ? rows.get(i + 1).at() : AliasInterval.OPEN;
        intervals.add(new AliasInterval(alias, row.version(), row.at(), until, row.change()));
      }
    }
    return intervals;
  }

  /** Every transition of {@code model} (of one version when {@code version} is non-null). */
  public List<VersionTransition> transitions(Connection c, String model, String version)
      throws SQLException {
    String sql = "SELECT model, version, from_state, to_state, actor, reason, at FROM "
        + "registry_transitions WHERE model = ?" + (version == null ? "" : " AND version = ?")
        + " ORDER BY id";
    Object[] params = version == null ? new Object[] {model} : new Object[] {model, version};
    return Sql.query(c, sql, row -> new VersionTransition(row.getString("model"),
        row.getString("version"), VersionState.valueOf(row.getString("from_state")),
        VersionState.valueOf(row.getString("to_state")),
        new Change(row.getString("actor"), row.getString("reason")), Sql.instant(row, "at")),
        params);
  }

  // ---------------------------------------------------------------- writes

  /**
   * Stores a new version in {@link VersionState#REGISTERED}, creating its model on first use.
   *
   * @throws RegistryConflictException when the version exists (versions are immutable)
   */
  public ModelVersion register(Tx tx, VersionSpec spec, Change change) throws SQLException {
    Connection c = tx.connection();
    if (version(c, spec.model(), spec.version()).isPresent()) {
      throw new RegistryConflictException("version " + spec.id() + " already exists and "
          + "versions are immutable; register the change as a new version id");
    }
    if (!modelExists(c, spec.model())) {
      Sql.update(c, "INSERT INTO registry_models (name, created_at) VALUES (?, ?)", spec.model(),
          tx.now());
    }
    Sql.update(c, "INSERT INTO registry_versions (" + VERSION_COLUMNS + ") VALUES "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", spec.model(), spec.version(),
        spec.artifact().uri(), spec.artifact().sha256(), spec.signature().input(),
        spec.signature().output(), spec.metadata().owner(), spec.metadata().trainingData(),
        RegistryCodec.write(spec.metadata().metrics()),
        RegistryCodec.write(spec.metadata().labels()), RegistryCodec.routes(spec.routes()),
        VersionState.REGISTERED.name(), tx.now());
    ModelVersion stored = new ModelVersion(spec, VersionState.REGISTERED, tx.now());
    VersionRegistered event = new VersionRegistered(stored, change);
    tx.afterCommit(() -> events.publish(event));
    return stored;
  }

  /**
   * Moves a version along the lifecycle. Entering DISABLED remembers the state it left;
   * leaving DISABLED is allowed only back to that state (use {@link #enable}).
   *
   * @throws IllegalTransitionException when the move is not in the table
   */
  public VersionTransition transition(Tx tx, String model, String version, VersionState to,
      Change change) throws SQLException {
    ModelVersion current = require(tx.connection(), model, version);
    VersionState from = current.state();
    if (from == VersionState.DISABLED && to != VersionState.DISABLED) {
      VersionState resume = disabledFrom(tx.connection(), model, version);
      if (to != resume) {
        throw new IllegalTransitionException("model version", current.id(), from.name(),
            to.name(), List.of(resume.name() + " (the state it was disabled from; re-enable it "
                + "with the kill switch)"));
      }
    }
    VersionState.TRANSITIONS.check(current.id(), from, to);
    int updated = Sql.update(tx.connection(), "UPDATE registry_versions SET state = ?, "
        + "disabled_from = ? WHERE model = ? AND version = ? AND state = ?", to.name(),
        to == VersionState.DISABLED ? from.name() : Sql.Null.TEXT, model, version, from.name());
    if (updated != 1) {
      throw new RegistryConflictException("version " + current.id() + " changed concurrently; "
          + "read it again and retry");
    }
    VersionTransition transition = new VersionTransition(model, version, from, to, change,
        tx.now());
    Sql.update(tx.connection(), "INSERT INTO registry_transitions (model, version, from_state, "
        + "to_state, actor, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)", model, version,
        from.name(), to.name(), change.actor(), change.reason(), tx.now());
    tx.afterCommit(() -> events.publish(transition));
    return transition;
  }

  /** Re-enables a DISABLED version into the state it was disabled from. */
  public VersionTransition enable(Tx tx, String model, String version, Change change)
      throws SQLException {
    return transition(tx, model, version, disabledFrom(tx.connection(), model, version), change);
  }

  /**
   * Makes {@code version} what {@code prod} serves: it becomes ACTIVE, the version {@code prod}
   * pointed at is RETIRED, and a {@code canary} alias pointing at it is removed.
   *
   * @throws RegistryConflictException when it already is prod
   */
  public ModelVersion promote(Tx tx, String model, String version, Change change)
      throws SQLException {
    Connection c = tx.connection();
    ModelVersion candidate = require(c, model, version);
    Map<String, String> aliases = aliases(c, model);
    String previous = aliases.get(ModelRegistry.PROD);
    if (version.equals(previous)) {
      throw new RegistryConflictException("version " + candidate.id() + " already is prod");
    }
    VersionState.TRANSITIONS.check(candidate.id(), candidate.state(), VersionState.ACTIVE);
    transition(tx, model, version, VersionState.ACTIVE, change);
    if (previous != null) {
      retireReplaced(tx, model, previous, change);
    }
    if (version.equals(aliases.get(ModelRegistry.CANARY))) {
      removeAlias(tx, model, ModelRegistry.CANARY, change);
    }
    assignAlias(tx, model, ModelRegistry.PROD, version, change);
    return require(c, model, version);
  }

  /** Points {@code alias} at {@code version} (closing its previous interval). */
  public void assignAlias(Tx tx, String model, String alias, String version, Change change)
      throws SQLException {
    require(tx.connection(), model, version);
    Sql.update(tx.connection(), "INSERT INTO registry_aliases (model, alias, version, actor, "
        + "reason, at) VALUES (?, ?, ?, ?, ?, ?)", model, alias, version, change.actor(),
        change.reason(), tx.now());
    AliasAssigned event = new AliasAssigned(model, alias, version, change, tx.now());
    tx.afterCommit(() -> events.publish(event));
  }

  /** Removes {@code alias}; returns false when it pointed nowhere. */
  public boolean removeAlias(Tx tx, String model, String alias, Change change)
      throws SQLException {
    if (!aliases(tx.connection(), model).containsKey(alias)) {
      return false;
    }
    Sql.update(tx.connection(), "INSERT INTO registry_aliases (model, alias, version, actor, "
        + "reason, at) VALUES (?, ?, ?, ?, ?, ?)", model, alias, Sql.Null.TEXT, change.actor(),
        change.reason(), tx.now());
    AliasRemoved event = new AliasRemoved(model, alias, change, tx.now());
    tx.afterCommit(() -> events.publish(event));
    return true;
  }

  private void retireReplaced(Tx tx, String model, String version, Change change)
      throws SQLException {
    ModelVersion replaced = require(tx.connection(), model, version);
    if (replaced.state() == VersionState.ACTIVE) {
      transition(tx, model, version, VersionState.RETIRED, change);
    } else if (replaced.state() == VersionState.DISABLED) {
      // re-enabling it later must not make a second ACTIVE version
      Sql.update(tx.connection(), "UPDATE registry_versions SET disabled_from = ? WHERE "
          + "model = ? AND version = ?", VersionState.RETIRED.name(), model, version);
    }
  }

  private VersionState disabledFrom(Connection c, String model, String version)
      throws SQLException {
    return Sql.queryOne(c, "SELECT disabled_from FROM registry_versions WHERE model = ? AND "
        + "version = ? AND disabled_from IS NOT NULL", row -> VersionState.valueOf(
            row.getString(1)), model, version)
        .orElseThrow(() -> new RegistryConflictException("version " + model + "@" + version
            + " is not disabled"));
  }

  private static ModelVersion versionRow(ResultSet row) throws SQLException {
    VersionSpec spec = new VersionSpec(row.getString("model"), row.getString("version"),
        new Artifact(row.getString("artifact_uri"), row.getString("sha256")),
        new Signature(row.getString("input_schema"), row.getString("output_schema")),
        new VersionMetadata(row.getString("owner"), row.getString("training_data"),
            RegistryCodec.metrics(row.getString("metrics")),
            RegistryCodec.labels(row.getString("labels"))),
        RegistryCodec.routes(row.getString("routes")));
    return new ModelVersion(spec, VersionState.valueOf(row.getString("state")),
        Sql.instant(row, "created_at"));
  }

  private record AliasRow(String alias, String version, Change change, Instant at) {}

  private static AliasRow aliasRow(ResultSet row) throws SQLException {
    return new AliasRow(row.getString("alias"), row.getString("version"),
        new Change(row.getString("actor"), row.getString("reason")), Sql.instant(row, "at"));
  }
}
