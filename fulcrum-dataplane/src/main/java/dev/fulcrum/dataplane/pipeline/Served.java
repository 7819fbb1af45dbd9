package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Decision;
import java.util.Objects;

/**
 * A result and how it was obtained.
 *
 * @param value the backend's answer
 * @param servedBy the candidate that answered
 * @param decision the router's decision, for the explanation headers
 * @param attempts how many candidates were tried (1 when the first choice answered)
 */
public record Served<T>(T value, Candidate servedBy, Decision.Routed decision, int attempts) {
  public Served {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(servedBy, "servedBy");
    Objects.requireNonNull(decision, "decision");
  }
}
