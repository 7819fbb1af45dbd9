package dev.fulcrum.controlplane.registry;

import java.time.Instant;

/** An alias of {@code model} now points at {@code version} (it may have pointed elsewhere). */
public record AliasAssigned(String model, String alias, String version, Change change,
    Instant at) implements RegistryEvent {}
