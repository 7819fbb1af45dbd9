package dev.fulcrum.core.routing;

import java.util.Objects;

/**
 * One way to serve a model alias: a backend and the model name that backend knows.
 *
 * @param backend the backend's name
 * @param upstreamModel the model name sent to that backend
 * @param price what it costs
 */
public record Route(String backend, String upstreamModel, Price price) {
  public Route {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(upstreamModel, "upstreamModel");
    Objects.requireNonNull(price, "price");
  }
}
