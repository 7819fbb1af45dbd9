package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.split.SplitChoice;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A result and how it was obtained.
 *
 * @param value the backend's answer
 * @param servedBy the candidate that answered
 * @param decision the router's decision, for the explanation headers
 * @param attempts how many candidates were tried (1 when the first choice answered)
 * @param entities personal data found in the request, by type (never the values)
 * @param sanitized whether that data was replaced before the request left the trust zone
 * @param split the model a split alias chose, when the caller named a split alias
 */
public record Served<T>(T value, Candidate servedBy, Decision.Routed decision, int attempts,
    Map<EntityType, Integer> entities, boolean sanitized, Optional<SplitChoice> split) {
  public Served {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(servedBy, "servedBy");
    Objects.requireNonNull(decision, "decision");
    entities = Map.copyOf(entities);
    Objects.requireNonNull(split, "split");
  }

  public Served(T value, Candidate servedBy, Decision.Routed decision, int attempts) {
    this(value, servedBy, decision, attempts, Map.of(), false, Optional.empty());
  }

  /** The same facts about another value (e.g. the stream wrapped for observation). */
  <U> Served<U> with(U other) {
    return new Served<>(other, servedBy, decision, attempts, entities, sanitized, split);
  }

  /** The same, with what the privacy scan found, whether it was sanitized, and the split. */
  Served<T> annotated(Map<EntityType, Integer> found, boolean wasSanitized,
      Optional<SplitChoice> chosen) {
    return new Served<>(value, servedBy, decision, attempts, found, wasSanitized, chosen);
  }
}
