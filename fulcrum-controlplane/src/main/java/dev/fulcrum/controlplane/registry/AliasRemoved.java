package dev.fulcrum.controlplane.registry;

import java.time.Instant;

/** An alias of {@code model} no longer points anywhere (a rollout's {@code canary} ended). */
public record AliasRemoved(String model, String alias, Change change, Instant at)
    implements RegistryEvent {}
