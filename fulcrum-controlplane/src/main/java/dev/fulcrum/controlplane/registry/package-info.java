/**
 * The model registry: models (the names callers put in {@code model}), their immutable
 * versions, aliases such as {@code prod} and {@code canary}, and each version's lifecycle.
 *
 * <p>Entry point: {@link dev.fulcrum.controlplane.registry.ModelRegistry#create}. A version
 * moves only along {@link dev.fulcrum.controlplane.registry.VersionState#TRANSITIONS}; every
 * move is stored with who, why and when, and every alias assignment keeps its validity interval,
 * so {@link dev.fulcrum.controlplane.registry.ModelRegistry#servedAt} can answer "which version
 * did {@code prod} point at on Tuesday at 14:03". {@link
 * dev.fulcrum.controlplane.registry.ManifestValidator} checks a version manifest before it is
 * registered (for CI pipelines).
 */
package dev.fulcrum.controlplane.registry;
