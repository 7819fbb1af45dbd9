package dev.fulcrum.inference.simulated;

import dev.fulcrum.core.backend.Backend;
import io.vertx.core.Vertx;

/** Creates simulated backends: labelled stand-ins for demos, tests and benchmarks. */
public final class SimulatedBackends {
  private SimulatedBackends() {}

  /** A backend serving chat, streaming chat and embeddings by simulation. */
  public static Backend create(Vertx vertx, SimulatedSettings settings) {
    return new SimulatedBackend(vertx, settings);
  }
}
