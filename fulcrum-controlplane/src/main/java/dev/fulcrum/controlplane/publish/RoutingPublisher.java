package dev.fulcrum.controlplane.publish;

import dev.fulcrum.controlplane.killswitch.KillSwitch;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.rollout.RolloutService;
import dev.fulcrum.core.routing.RoutingTable;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the current {@link RoutingSnapshot} and hands its table to the data plane. {@link
 * #get()} is a volatile read, safe on the request path. Thread-safe.
 *
 * <p>Freshness: after a change committed through this process's services, the new snapshot is
 * published before the changing call returns. Changes made by other replicas are picked up by
 * {@link #poll()}, which reads one row (the control-plane revision) and recomputes only when it
 * moved; {@link #startPolling} runs it periodically. If the store is unreachable, the last
 * snapshot keeps being served.
 */
public interface RoutingPublisher extends Supplier<RoutingTable>, AutoCloseable {

  /** Publishes the state of these services (which must share one registry) and subscribes. */
  static RoutingPublisher create(ModelRegistry registry, RolloutService rollouts,
      KillSwitch switches) {
    return DefaultRoutingPublisher.create(registry, rollouts, switches);
  }

  /** The current routing table. */
  @Override
  RoutingTable get();

  /** The current snapshot, with what the table cannot express (unavailable, degraded). */
  RoutingSnapshot snapshot();

  /** Calls {@code listener} with every newly published snapshot. */
  void onChange(Consumer<? super RoutingSnapshot> listener);

  /** Recomputes from the store now and publishes the result. */
  RoutingSnapshot refresh();

  /**
   * Reads the control-plane revision and recomputes when it moved.
   *
   * @return whether a new snapshot was published
   */
  boolean poll();

  /** Polls every {@code interval} on a daemon thread until {@link #close()}; 500 ms is typical. */
  void startPolling(Duration interval);

  /** Stops polling. The last snapshot stays readable. */
  @Override
  void close();
}
