package dev.fulcrum.gateway.http.admin;

import dev.fulcrum.controlplane.archive.RequestArchive;
import dev.fulcrum.controlplane.audit.AuditLog;
import dev.fulcrum.controlplane.killswitch.KillSwitch;
import dev.fulcrum.controlplane.publish.RoutingSnapshot;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.rollout.RolloutService;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the admin API works on.
 *
 * @param keyHashes admin API keys ({@code sha256:…}); empty disables the admin API
 * @param registry models, versions, aliases, history
 * @param rollouts canary and shadow rollouts
 * @param switches kill switches
 * @param snapshot the routing state currently published
 * @param audit the audit log, when {@code audit.enabled}
 * @param archive the encrypted request archive and its tenant keys, when {@code archive.enabled}
 */
public record AdminContext(Set<String> keyHashes, ModelRegistry registry,
    RolloutService rollouts, KillSwitch switches, Supplier<RoutingSnapshot> snapshot,
    Optional<AuditLog> audit, Optional<RequestArchive> archive) {
  public AdminContext {
    keyHashes = Set.copyOf(keyHashes);
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(rollouts, "rollouts");
    Objects.requireNonNull(switches, "switches");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(archive, "archive");
  }
}
