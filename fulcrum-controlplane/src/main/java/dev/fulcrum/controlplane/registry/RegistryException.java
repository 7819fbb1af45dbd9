package dev.fulcrum.controlplane.registry;

/**
 * Root of the control-plane domain's failures (registry, rollouts, kill switches). Messages are
 * written for the operator reading them in the CLI or admin API: what went wrong and what to do.
 * The admin API maps {@code Unknown…} to 404 and the rest to 409.
 */
public abstract class RegistryException extends RuntimeException {
  protected RegistryException(String message) {
    super(message);
  }
}
