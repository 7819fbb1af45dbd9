package dev.fulcrum.controlplane.publish;

import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.core.routing.RoutingTable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One published state of routing: the table the router reads, plus what the table cannot say.
 * Immutable.
 *
 * @param revision the control-plane revision it was computed at
 * @param table what the router reads
 * @param unavailable registered models left out of the table, by name, and why
 * @param degraded models served by a fallback version because their {@code prod} version is
 *     disabled, by name, with a sentence for operators (the gateway may set {@code
 *     x-fulcrum-degraded})
 */
public record RoutingSnapshot(long revision, RoutingTable table,
    Map<String, Unavailable> unavailable, Map<String, String> degraded) {
  public RoutingSnapshot {
    Objects.requireNonNull(table, "table");
    unavailable = Map.copyOf(unavailable);
    degraded = Map.copyOf(degraded);
  }

  /** Why {@code model} is not routable, when it is registered but left out. */
  public Optional<Unavailable> unavailable(String model) {
    return Optional.ofNullable(unavailable.get(model));
  }

  /**
   * For the gateway, before routing: turns a switched-off or version-less model into a 503
   * with a message the caller can act on.
   *
   * @throws ServiceUnavailableException when {@code model} is unavailable
   */
  public void requireAvailable(String model) {
    Unavailable why = unavailable.get(model);
    if (why != null) {
      throw new ServiceUnavailableException(why.callerMessage(), null);
    }
  }
}
