package dev.fulcrum.controlplane.rollout;

import dev.fulcrum.controlplane.registry.RegistryException;

/** No rollout has that id. */
public final class UnknownRolloutException extends RegistryException {
  public UnknownRolloutException(long id) {
    super("no rollout " + id + "; list rollouts with `fulcrum rollout list`");
  }
}
