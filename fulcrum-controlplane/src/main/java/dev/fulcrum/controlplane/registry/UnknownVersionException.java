package dev.fulcrum.controlplane.registry;

/** The model exists but has no such version. */
public final class UnknownVersionException extends RegistryException {
  public UnknownVersionException(String model, String version) {
    super("model '" + model + "' has no version '" + version + "'; list its versions with "
        + "`fulcrum model versions " + model + "`");
  }
}
