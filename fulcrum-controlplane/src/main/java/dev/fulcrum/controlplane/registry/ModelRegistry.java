package dev.fulcrum.controlplane.registry;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.core.routing.ModelRoutes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The model registry service. Every method is one transaction against the control-plane store
 * and is safe to call from any thread and from several replicas sharing one PostgreSQL.
 * Changing methods record who and why ({@link Change}) and, after commit, tell {@link #onChange}
 * listeners.
 *
 * <p>Rollouts move versions through CANARY and ROLLED_BACK ({@code rollout} package) and the
 * kill switch through DISABLED ({@code killswitch} package); this interface holds the moves an
 * operator makes directly.
 */
public interface ModelRegistry {
  /** The alias that production traffic follows; moved by {@link #promote}. */
  String PROD = "prod";
  /** The alias a running rollout points at its candidate. */
  String CANARY = "canary";

  /**
   * Opens the registry on {@code db}, creating or upgrading its tables.
   *
   * @param clock the time stamped on every change (tests pass a fake)
   */
  static ModelRegistry create(Database db, InstantSource clock) {
    return JdbcModelRegistry.open(db, clock);
  }

  /**
   * Stores a new immutable version in state REGISTERED; the model is created on first use.
   *
   * @throws RegistryConflictException when {@code model@version} exists
   */
  ModelVersion register(VersionSpec spec, Change change);

  /** Every model name, in the order they were first registered. */
  List<String> models();

  /**
   * Every version of {@code model}, oldest first.
   *
   * @throws UnknownModelException when the model is not registered
   */
  List<ModelVersion> versions(String model);

  /**
   * One version.
   *
   * @throws UnknownModelException or {@link UnknownVersionException}
   */
  ModelVersion show(String model, String version);

  /**
   * Makes {@code version} what {@code prod} serves: it becomes ACTIVE and the version {@code
   * prod} pointed at becomes RETIRED. Works from REGISTERED (first version, no canary wanted),
   * CANARY, and RETIRED (undoing a bad promotion by re-promoting the old version).
   *
   * @throws IllegalTransitionException when the version's state does not allow ACTIVE
   * @throws RegistryConflictException when it already is prod
   */
  ModelVersion promote(String model, String version, Change change);

  /**
   * Retires a version that nothing should serve any more.
   *
   * @throws RegistryConflictException when {@code prod} points at it (promote another first)
   * @throws IllegalTransitionException when its state does not allow RETIRED
   */
  ModelVersion retire(String model, String version, Change change);

  /**
   * Points a custom alias ({@code stable-q3}, {@code experiment}) at a version. {@code prod}
   * and {@code canary} are reserved: they move with {@link #promote} and rollouts.
   *
   * @throws IllegalArgumentException for a reserved or malformed alias
   */
  void assignAlias(String model, String alias, String version, Change change);

  /** Removes a custom alias; returns false when it pointed nowhere. */
  boolean removeAlias(String model, String alias, Change change);

  /** The aliases of {@code model} in force now: alias → version. */
  Map<String, String> aliases(String model);

  /** Every lifecycle move of {@code model}'s versions, oldest first. */
  List<VersionTransition> history(String model);

  /** Every lifecycle move of one version, oldest first. */
  List<VersionTransition> history(String model, String version);

  /** When {@code alias} pointed where: consecutive intervals, oldest first. */
  List<AliasInterval> aliasHistory(String model, String alias);

  /** The version {@code alias} pointed at at {@code instant}, if any. */
  Optional<String> servedAt(String model, String alias, Instant instant);

  /**
   * Imports the models of {@code fulcrum.yaml}, idempotently, on every start: a new model gets
   * its configured version (usually {@code 1}) REGISTERED, then ACTIVE with {@code prod}; an
   * unchanged model is left alone; a configured version id the registry has not seen is
   * registered and promoted (the configuration moved on). Versions are immutable, so a stored
   * version whose routes differ from the configuration is kept and reported as a conflict.
   *
   * @param configured the routing table's models as loaded from configuration
   */
  ImportReport importConfigured(List<ModelRoutes> configured, Change change);

  /** Calls {@code listener} after every committed change, on the changing thread. */
  void onChange(Consumer<? super RegistryEvent> listener);
}
