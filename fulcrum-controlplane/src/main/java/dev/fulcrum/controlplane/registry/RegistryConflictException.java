package dev.fulcrum.controlplane.registry;

/**
 * The request contradicts the registry's current state: the version already exists (versions
 * are immutable), the version is what {@code prod} serves, another rollout is running, ….
 */
public final class RegistryConflictException extends RegistryException {
  public RegistryConflictException(String message) {
    super(message);
  }
}
