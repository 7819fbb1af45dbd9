package dev.fulcrum.gateway.config;

import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.dataplane.health.HealthSettings;
import dev.fulcrum.dataplane.split.SplitPolicy;
import dev.fulcrum.gateway.drift.DriftSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated {@code fulcrum.yaml}. Immutable; every default is applied.
 *
 * @param source where it came from, for messages
 * @param server the HTTP listener
 * @param backends the backends to start, in file order
 * @param routing model aliases and their routes
 * @param tenants who may call, and with which keys
 * @param health circuit-breaker and health settings by backend name
 * @param store where control-plane state lives
 * @param admin who may use the admin API
 * @param audit the tamper-evident audit log
 * @param tokens short-lived tokens
 * @param drift drift monitoring of the live traffic
 * @param privacy scanning and sanitization
 * @param metrics the Prometheus endpoint and its label limits
 * @param telemetry opt-in differentially private usage telemetry
 * @param splits split models: aliases served by a tier chosen per prompt
 * @param archive the encrypted request archive
 */
public record FulcrumConfig(String source, ServerConfig server, List<BackendConfig> backends,
    RoutingTable routing, List<TenantConfig> tenants, Map<String, HealthSettings> health,
    StoreConfig store, AdminConfig admin, AuditConfig audit, TokensConfig tokens,
    DriftSettings drift, PrivacyConfig privacy, MetricsConfig metrics,
    TelemetryConfig telemetry, Map<String, SplitPolicy> splits, ArchiveConfig archive) {
  public FulcrumConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(metrics, "metrics");
    backends = List.copyOf(backends);
    Objects.requireNonNull(routing, "routing");
    tenants = List.copyOf(tenants);
    health = Map.copyOf(health);
    Objects.requireNonNull(telemetry, "telemetry");
    splits = Map.copyOf(splits);
    Objects.requireNonNull(archive, "archive");
  }

  /** A config with telemetry, split models and the archive off. */
  public FulcrumConfig(String source, ServerConfig server, List<BackendConfig> backends,
      RoutingTable routing, List<TenantConfig> tenants, Map<String, HealthSettings> health,
      StoreConfig store, AdminConfig admin, AuditConfig audit, TokensConfig tokens,
      DriftSettings drift, PrivacyConfig privacy, MetricsConfig metrics) {
    this(source, server, backends, routing, tenants, health, store, admin, audit, tokens, drift,
        privacy, metrics, TelemetryConfig.DISABLED, Map.of(), ArchiveConfig.defaults());
  }

  public FulcrumConfig withPort(int port) {
    return new FulcrumConfig(source, server.withPort(port), backends, routing, tenants, health,
        store, admin, audit, tokens, drift, privacy, metrics, telemetry, splits, archive);
  }

  /** The same config with its store, keysets and hash secret under {@code dir}. */
  public FulcrumConfig withStateIn(java.nio.file.Path dir) {
    return new FulcrumConfig(source, server, backends, routing, tenants, health,
        new StoreConfig(dev.fulcrum.controlplane.store.StoreUrl.parse("sqlite:"
            + dir.resolve("fulcrum.db")), java.time.Duration.ZERO, store.redis()), admin,
        new AuditConfig(audit.enabled(), dir.resolve("audit.keyset.json"),
            audit.checkpointEvents(), audit.checkpointInterval()),
        new TokensConfig(dir.resolve("tokens.keyset.json"), tokens.audience(),
            tokens.defaultTtl()), drift, privacy.withHashSecret(dir.resolve("hash.secret")),
        metrics, telemetry, splits, new ArchiveConfig(archive.enabled(),
            dir.resolve("kek.keyset.json")));
  }
}
