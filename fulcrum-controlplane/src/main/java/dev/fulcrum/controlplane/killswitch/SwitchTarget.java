package dev.fulcrum.controlplane.killswitch;

import java.util.Objects;

/** What a kill switch turns off. */
public sealed interface SwitchTarget {

  /** One version of a model; traffic falls back to the last good {@code prod} version. */
  record Version(String model, String version) implements SwitchTarget {
    public Version {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
      return "version " + model + "@" + version;
    }
  }

  /** A whole model; callers naming it get a 503 that says it is switched off. */
  record Model(String model) implements SwitchTarget {
    public Model {
      Objects.requireNonNull(model, "model");
    }

    @Override
    public String toString() {
      return "model " + model;
    }
  }

  /** A backend; the router drops it from every model's routes. */
  record Backend(String backend) implements SwitchTarget {
    public Backend {
      Objects.requireNonNull(backend, "backend");
      if (backend.isBlank()) {
        throw new IllegalArgumentException("backend name must not be empty");
      }
    }

    @Override
    public String toString() {
      return "backend " + backend;
    }
  }

  static SwitchTarget version(String model, String version) {
    return new Version(model, version);
  }

  static SwitchTarget model(String model) {
    return new Model(model);
  }

  static SwitchTarget backend(String backend) {
    return new Backend(backend);
  }
}
