package dev.fulcrum.controlplane.registry;

import java.time.Instant;

/** A new version was stored, in state {@link VersionState#REGISTERED}. */
public record VersionRegistered(ModelVersion version, Change change) implements RegistryEvent {
  @Override
  public String model() {
    return version.model();
  }

  @Override
  public Instant at() {
    return version.createdAt();
  }
}
