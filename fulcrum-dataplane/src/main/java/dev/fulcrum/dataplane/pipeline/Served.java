package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.core.privacy.EntityType;
import java.util.Map;
import java.util.Objects;

/**
 * A result and how it was obtained.
 *
 * @param value the backend's answer
 * @param servedBy the candidate that answered
 * @param decision the router's decision, for the explanation headers
 * @param attempts how many candidates were tried (1 when the first choice answered)
 * @param entities personal data found in the request, by type (never the values)
 * @param sanitized whether that data was replaced before the request left the trust zone
 */
public record Served<T>(T value, Candidate servedBy, Decision.Routed decision, int attempts,
    Map<EntityType, Integer> entities, boolean sanitized) {
  public Served {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(servedBy, "servedBy");
    Objects.requireNonNull(decision, "decision");
    entities = Map.copyOf(entities);
  }

  public Served(T value, Candidate servedBy, Decision.Routed decision, int attempts) {
    this(value, servedBy, decision, attempts, Map.of(), false);
  }

  /** The same facts about another value (e.g. the stream wrapped for observation). */
  <U> Served<U> with(U other) {
    return new Served<>(other, servedBy, decision, attempts, entities, sanitized);
  }

  /** The same, with what the privacy scan found and whether it was sanitized. */
  Served<T> withPrivacy(Map<EntityType, Integer> found, boolean wasSanitized) {
    return new Served<>(value, servedBy, decision, attempts, found, wasSanitized);
  }
}
