package dev.fulcrum.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The tamper-evident audit log.
 *
 * @param enabled whether every request and control-plane change is recorded (and requests are
 *     refused when they cannot be); on by default
 * @param keyset the Tink keyset file that signs checkpoints; created on first start
 * @param checkpointEvents sign a checkpoint after this many unsigned events
 * @param checkpointInterval or once the oldest unsigned event is this old
 */
public record AuditConfig(boolean enabled, Path keyset, long checkpointEvents,
    Duration checkpointInterval) {
  public static final Path DEFAULT_KEYSET = Path.of("fulcrum-audit.keyset.json");

  public AuditConfig {
    Objects.requireNonNull(keyset, "keyset");
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
  }

  public static AuditConfig defaults() {
    return new AuditConfig(true, DEFAULT_KEYSET, 1_000, Duration.ofSeconds(60));
  }
}
