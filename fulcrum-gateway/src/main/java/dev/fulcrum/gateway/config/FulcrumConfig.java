package dev.fulcrum.gateway.config;

import dev.fulcrum.core.routing.RoutingTable;
import java.util.List;
import java.util.Objects;

/**
 * A validated {@code fulcrum.yaml}. Immutable; every default is applied.
 *
 * @param source where it came from, for messages
 * @param server the HTTP listener
 * @param backends the backends to start, in file order
 * @param routing model aliases and their routes
 * @param tenants who may call, and with which keys
 */
public record FulcrumConfig(String source, ServerConfig server, List<BackendConfig> backends,
    RoutingTable routing, List<TenantConfig> tenants) {
  public FulcrumConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(server, "server");
    backends = List.copyOf(backends);
    Objects.requireNonNull(routing, "routing");
    tenants = List.copyOf(tenants);
  }

  public FulcrumConfig withPort(int port) {
    return new FulcrumConfig(source, server.withPort(port), backends, routing, tenants);
  }
}
