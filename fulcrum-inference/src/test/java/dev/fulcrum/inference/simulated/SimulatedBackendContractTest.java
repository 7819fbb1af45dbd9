package dev.fulcrum.inference.simulated;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.BackendContract;
import dev.fulcrum.core.backend.Placement;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class SimulatedBackendContractTest extends BackendContract {
  private static Vertx vertx;
  private static Backend backend;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    backend = SimulatedBackends.create(vertx, new SimulatedSettings("sim", Placement.CLOUD,
        new SimulatedSettings.Latency(Duration.ofMillis(2), Duration.ofMillis(10)), 2000,
        new SimulatedSettings.BatchCost(Duration.ofMillis(1), Duration.ZERO), 0, 7, 16));
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @Override
  protected Backend backend() {
    return backend;
  }
}
