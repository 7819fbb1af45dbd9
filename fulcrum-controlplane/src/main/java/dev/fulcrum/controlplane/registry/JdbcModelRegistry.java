package dev.fulcrum.controlplane.registry;

import dev.fulcrum.controlplane.registry.internal.RegistryStore;
import dev.fulcrum.controlplane.registry.internal.Tx;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.VersionRoutes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** {@link ModelRegistry} on the control-plane store. */
final class JdbcModelRegistry implements ModelRegistry, RegistryStore.Owner {
  private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Set<String> RESERVED = Set.of(PROD, CANARY);

  private final RegistryStore store;

  private JdbcModelRegistry(RegistryStore store) {
    this.store = store;
  }

  static ModelRegistry open(Database db, InstantSource clock) {
    return new JdbcModelRegistry(new RegistryStore(db, clock));
  }

  @Override
  public RegistryStore store() {
    return store;
  }

  @Override
  public ModelVersion register(VersionSpec spec, Change change) {
    return store.write(tx -> store.register(tx, spec, change));
  }

  @Override
  public List<String> models() {
    return store.read(store::models);
  }

  @Override
  public List<ModelVersion> versions(String model) {
    return store.read(c -> {
      store.requireModel(c, model);
      return store.versions(c, model);
    });
  }

  @Override
  public ModelVersion show(String model, String version) {
    return store.read(c -> store.require(c, model, version));
  }

  @Override
  public ModelVersion promote(String model, String version, Change change) {
    return store.write(tx -> store.promote(tx, model, version, change));
  }

  @Override
  public ModelVersion retire(String model, String version, Change change) {
    return store.write(tx -> {
      if (version.equals(store.aliases(tx.connection(), model).get(PROD))) {
        throw new RegistryConflictException("version " + model + "@" + version + " is what "
            + "prod serves; promote another version first");
      }
      store.transition(tx, model, version, VersionState.RETIRED, change);
      return store.require(tx.connection(), model, version);
    });
  }

  @Override
  public void assignAlias(String model, String alias, String version, Change change) {
    checkCustomAlias(alias);
    store.write(tx -> {
      store.assignAlias(tx, model, alias, version, change);
      return null;
    });
  }

  @Override
  public boolean removeAlias(String model, String alias, Change change) {
    checkCustomAlias(alias);
    return store.write(tx -> {
      store.requireModel(tx.connection(), model);
      return store.removeAlias(tx, model, alias, change);
    });
  }

  @Override
  public Map<String, String> aliases(String model) {
    return store.read(c -> {
      store.requireModel(c, model);
      return store.aliases(c, model);
    });
  }

  @Override
  public List<VersionTransition> history(String model) {
    return store.read(c -> {
      store.requireModel(c, model);
      return store.transitions(c, model, null);
    });
  }

  @Override
  public List<VersionTransition> history(String model, String version) {
    return store.read(c -> {
      store.require(c, model, version);
      return store.transitions(c, model, version);
    });
  }

  @Override
  public List<AliasInterval> aliasHistory(String model, String alias) {
    return store.read(c -> {
      store.requireModel(c, model);
      return store.aliasHistory(c, model, alias);
    });
  }

  @Override
  public Optional<String> servedAt(String model, String alias, Instant instant) {
    return aliasHistory(model, alias).stream().filter(i -> i.covers(instant))
        .map(AliasInterval::version).findFirst();
  }

  @Override
  public ImportReport importConfigured(List<ModelRoutes> configured, Change change) {
    List<ImportReport.Entry> entries = new ArrayList<>();
    for (ModelRoutes model : configured) {
      entries.add(store.write(tx -> ConfigImport.apply(store, tx, model, change)));
    }
    return new ImportReport(entries);
  }

  @Override
  public void onChange(Consumer<? super RegistryEvent> listener) {
    store.events().add(listener);
  }

  private static void checkCustomAlias(String alias) {
    if (RESERVED.contains(alias)) {
      throw new IllegalArgumentException("alias '" + alias + "' is reserved: prod moves with "
          + "promote, canary with rollouts");
    }
    if (!ALIAS.matcher(alias).matches()) {
      throw new IllegalArgumentException("alias '" + alias + "' must be 1-64 of a-z 0-9 . _ - "
          + "and start with a letter or digit");
    }
  }

  /** The per-model step of {@link #importConfigured}, inside one write. */
  private static final class ConfigImport {
    private ConfigImport() {}

    static ImportReport.Entry apply(RegistryStore store, Tx tx, ModelRoutes model,
        Change change)
        throws SQLException {
      VersionRoutes configured = model.versions().getFirst();
      String name = model.alias();
      Connection c = tx.connection();
      Optional<ModelVersion> stored = store.version(c, name, configured.version());
      if (stored.isPresent()) {
        return compare(stored.get(), configured);
      }
      boolean existed = store.modelExists(c, name);
      store.register(tx, spec(name, configured), change);
      store.promote(tx, name, configured.version(), change);
      return new ImportReport.Entry(name, configured.version(),
          existed ? ImportReport.Outcome.PROMOTED : ImportReport.Outcome.CREATED,
          existed ? "configured version registered and promoted to prod"
              : "registered as ACTIVE with alias prod");
    }

    private static ImportReport.Entry compare(ModelVersion stored, VersionRoutes configured) {
      if (stored.routes().equals(configured.routes())) {
        return new ImportReport.Entry(stored.model(), stored.version(),
            ImportReport.Outcome.UNCHANGED, "already registered");
      }
      return new ImportReport.Entry(stored.model(), stored.version(),
          ImportReport.Outcome.CONFLICT, "the registry holds " + stored.id() + " with other "
              + "routes and versions are immutable; kept the stored routes. To serve the "
              + "configured routes, give the model a new version in fulcrum.yaml "
              + "(models[].version)");
    }

    private static VersionSpec spec(String model, VersionRoutes configured) {
      return new VersionSpec(model, configured.version(),
          Artifact.hosted("config:fulcrum.yaml#models/" + model), Signature.ANY,
          new VersionMetadata("config", "", Map.of(), Map.of("source", "fulcrum.yaml")),
          configured.routes());
    }
  }
}
