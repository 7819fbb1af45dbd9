package dev.fulcrum.controlplane.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One move of a version along {@link VersionState#TRANSITIONS}: an event when it happens, a row
 * of {@link ModelRegistry#history} afterwards.
 */
public record VersionTransition(String model, String version, VersionState from,
    VersionState to, Change change, Instant at) implements RegistryEvent {
  public VersionTransition {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(at, "at");
  }
}
