package dev.fulcrum.core.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * How the router orders a model's surviving routes, and where traffic goes when none is
 * available.
 *
 * @param strategy the order in which surviving routes are tried
 * @param degradedTo a model (usually LOCAL or PRIVATE) that serves this model's traffic, marked
 *     {@code x-fulcrum-degraded: true}, while every route of this model is down; empty for none
 */
public record RoutingPolicy(Strategy strategy, String degradedTo) {
  public static final RoutingPolicy DEFAULT = new RoutingPolicy(Strategy.ORDERED, "");

  public RoutingPolicy {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(degradedTo, "degradedTo");
  }

  /** The degraded-mode model, when one is set. */
  public Optional<String> degradedModel() {
    return degradedTo.isEmpty() ? Optional.empty() : Optional.of(degradedTo);
  }

  /** The order in which surviving routes are tried. */
  public enum Strategy {
    /** The operator's order in the config: the first healthy route serves. */
    ORDERED,
    /** Lowest estimated cost first (prompt and completion tokens at each route's prices). */
    CHEAPEST,
    /** Lowest observed latency first (EWMA; routes without data keep their place last). */
    FASTEST
  }
}
