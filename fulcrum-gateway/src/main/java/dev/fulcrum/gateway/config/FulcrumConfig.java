package dev.fulcrum.gateway.config;

import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.dataplane.health.HealthSettings;
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
 * @param metrics what {@code /metrics} publishes
 * @param audit where the audit signing keyset lives
 */
public record FulcrumConfig(String source, ServerConfig server, List<BackendConfig> backends,
    RoutingTable routing, List<TenantConfig> tenants, Map<String, HealthSettings> health,
    StoreConfig store, AdminConfig admin,
    MetricsConfig metrics, AuditConfig audit) { // metrics
  public FulcrumConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(metrics, "metrics"); // metrics
    Objects.requireNonNull(audit, "audit"); // metrics
    backends = List.copyOf(backends);
    Objects.requireNonNull(routing, "routing");
    tenants = List.copyOf(tenants);
    health = Map.copyOf(health);
  }

  // metrics: begin
  /** A config with the default {@code metrics:} and {@code audit:} sections. */
  public FulcrumConfig(String source, ServerConfig server, List<BackendConfig> backends,
      RoutingTable routing, List<TenantConfig> tenants, Map<String, HealthSettings> health,
      StoreConfig store, AdminConfig admin) {
    this(source, server, backends, routing, tenants, health, store, admin,
        MetricsConfig.DEFAULTS, AuditConfig.defaultsFor(store));
  }
  // metrics: end

  public FulcrumConfig withPort(int port) {
    return new FulcrumConfig(source, server.withPort(port), backends, routing, tenants, health,
        store, admin, metrics, audit); // metrics
  }

  /** This config on another store; a default audit keyset moves along with the store. */
  public FulcrumConfig withStore(StoreConfig other) {
    AuditConfig moved = audit.equals(AuditConfig.defaultsFor(store)) // metrics
        ? AuditConfig.defaultsFor(other) : audit; // metrics
    return new FulcrumConfig(source, server, backends, routing, tenants, health, other, admin,
        metrics, moved); // metrics
  }
}
