package dev.fulcrum.controlplane.registry;

/** The named model is not in the registry. */
public final class UnknownModelException extends RegistryException {
  public UnknownModelException(String model) {
    super("model '" + model + "' is not registered; list models with `fulcrum model list`");
  }
}
