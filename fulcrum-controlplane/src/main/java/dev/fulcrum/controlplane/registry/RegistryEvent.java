package dev.fulcrum.controlplane.registry;

import java.time.Instant;

/**
 * Something that changed in the registry, delivered to {@link ModelRegistry#onChange} listeners
 * after it committed. Every event is also stored.
 */
public sealed interface RegistryEvent
    permits VersionRegistered, VersionTransition, AliasAssigned, AliasRemoved {

  String model();

  Instant at();

  Change change();
}
