package dev.fulcrum.gateway.wiring;

import dev.fulcrum.controlplane.archive.RequestArchive;
import dev.fulcrum.controlplane.audit.AuditLog;
import dev.fulcrum.controlplane.keys.KekProvider;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.keys.TenantKeys;
import dev.fulcrum.controlplane.killswitch.KillSwitch;
import dev.fulcrum.controlplane.publish.RoutingPublisher;
import dev.fulcrum.controlplane.publish.RoutingSnapshot;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.ImportReport;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.rollout.RolloutScheduler;
import dev.fulcrum.controlplane.rollout.RolloutService;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.RoutingPolicy;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.gateway.config.ConfigException;
import dev.fulcrum.gateway.config.FulcrumConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane of one gateway process: the store, the model registry (seeded from the
 * config's models on every start), rollouts with their scheduler, kill switches, the
 * publisher whose routing table the data plane reads, and (when {@code archive.enabled}) the
 * encrypted request archive with its tenant keys.
 *
 * <p>The published table is overlaid with what the registry does not store (each model's routing
 * policy from the config) and with the publisher's withdrawn and degraded models, and cached per
 * revision, so reading it on every request costs a volatile read.
 */
public final class ControlPlane implements Supplier<RoutingTable>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);
  static final Duration ROLLOUT_TICK = Duration.ofSeconds(5);

  private final Database database;
  private final AuditLog audit;
  private final ModelRegistry registry;
  private final RolloutService rollouts;
  private final KillSwitch switches;
  private final RoutingPublisher publisher;
  private final RolloutScheduler scheduler;
  private final Map<String, RoutingPolicy> policies;
  private final RequestArchive archive;
  private volatile RoutingTable current;

  private ControlPlane(Database database, AuditLog audit, ModelRegistry registry,
      RolloutService rollouts, KillSwitch switches, RoutingPublisher publisher,
      RolloutScheduler scheduler, Map<String, RoutingPolicy> policies, RequestArchive archive) {
    this.database = database;
    this.audit = audit;
    this.registry = registry;
    this.rollouts = rollouts;
    this.switches = switches;
    this.publisher = publisher;
    this.scheduler = scheduler;
    this.policies = policies;
    this.archive = archive;
  }

  /**
   * Opens the store and the audit log, imports the configured models, and starts publishing.
   * Every control-plane change from here on is audited.
   */
  static ControlPlane start(FulcrumConfig config, Clock clock) {
    Database database = Database.open(config.store().url());
    AuditLog audit = null;
    try {
      if (config.audit().enabled()) {
        audit = AuditLog.builder(database, KeysetSource.file(config.audit().keyset()))
            .clock(clock)
            .checkpointEvery(config.audit().checkpointEvents(),
                config.audit().checkpointInterval())
            .build();
      }
      ModelRegistry registry = ModelRegistry.create(database, clock);
      RolloutService rollouts = RolloutService.create(registry);
      KillSwitch switches = KillSwitch.create(registry);
      RequestArchive archive = config.archive().enabled() ? archive(config, database, clock)
          : null;
      if (audit != null) {
        ControlAudit controlAudit = new ControlAudit(audit);
        registry.onChange(controlAudit::registry);
        rollouts.onEvent(controlAudit::rollout);
        switches.onChange(controlAudit::killSwitch);
        if (archive != null) {
          archive.onKeyChange(controlAudit::tenantKeys);
        }
      }
      ImportReport report = registry.importConfigured(List.copyOf(config.routing().models()),
          Change.by("config", config.source()));
      if (!report.conflicts().isEmpty()) {
        throw new ConfigException(config.source() + ": " + report.conflicts().stream()
            .map(c -> "models." + c.model() + ": " + c.message())
            .collect(java.util.stream.Collectors.joining("; ")) + "; registered versions are "
            + "immutable, so give a changed model a new version: (e.g. version: 2)");
      }
      report.models().forEach(entry -> log.debug("config model {}@{}: {}", entry.model(),
          entry.version(), entry.outcome()));
      RoutingPublisher publisher = RoutingPublisher.create(registry, rollouts, switches);
      Map<String, RoutingPolicy> policies = new HashMap<>();
      config.routing().models().forEach(m -> policies.put(m.alias(), m.policy()));
      ControlPlane plane = new ControlPlane(database, audit, registry, rollouts, switches,
          publisher, RolloutScheduler.start(rollouts, ROLLOUT_TICK), Map.copyOf(policies),
          archive);
      plane.publish(publisher.snapshot());
      publisher.onChange(plane::publish);
      if (!config.store().poll().isZero()) {
        publisher.startPolling(config.store().poll());
      }
      return plane;
    } catch (RuntimeException e) {
      if (audit != null) {
        audit.close();
      }
      database.close();
      throw e;
    }
  }

  /** Tenant keys wrapped by the KEK in {@code archive.kek}, and the archive they seal. */
  private static RequestArchive archive(FulcrumConfig config, Database database, Clock clock) {
    TenantKeys keys = TenantKeys.builder(database,
        KekProvider.localKeyset(KeysetSource.file(config.archive().kek()))).clock(clock).build();
    log.info("archive: on; tenant keys in {}, wrapped by the KEK in {}", database,
        config.archive().kek());
    if (config.admin().apiKeyHashes().isEmpty()) {
      log.warn("archive: on, but admin.api-keys is empty: without the admin API nobody can "
          + "read archived records, rotate tenant keys or shred a tenant");
    }
    return RequestArchive.create(database, keys);
  }

  /** The encrypted request archive, when {@code archive.enabled}. */
  public Optional<RequestArchive> archive() {
    return Optional.ofNullable(archive);
  }

  /** The audit log, when enabled. */
  public Optional<AuditLog> audit() {
    return Optional.ofNullable(audit);
  }

  @Override
  public RoutingTable get() {
    return current;
  }

  /** The store, for components that keep their own tables in it (limits: the usage ledger). */
  public Database database() {
    return database;
  }

  public ModelRegistry registry() {
    return registry;
  }

  public RolloutService rollouts() {
    return rollouts;
  }

  public KillSwitch switches() {
    return switches;
  }

  public RoutingSnapshot snapshot() {
    return publisher.snapshot();
  }

  private void publish(RoutingSnapshot snapshot) {
    Map<String, String> withdrawn = new HashMap<>();
    snapshot.unavailable().forEach((model, why) -> withdrawn.put(model, why.callerMessage()));
    RoutingTable table = snapshot.table();
    current = RoutingTable.of(table.models().stream().map(this::withPolicy).toList(),
        table.disabledBackends(), withdrawn, snapshot.degraded().keySet());
  }

  private ModelRoutes withPolicy(ModelRoutes model) {
    RoutingPolicy policy = policies.get(model.alias());
    return policy == null ? model : model.withPolicy(policy);
  }

  @Override
  public void close() {
    scheduler.close();
    publisher.close();
    if (audit != null) {
      audit.close();
    }
    database.close();
  }
}
