package dev.fulcrum.dataplane.privacy.guard;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the privacy scan found in one request: entities per text (messages in order, each
 * message's texts in order), or that the scan failed. Holds offsets, never text.
 */
public final class Scan {
  private final List<List<List<Entity>>> entities;
  private final boolean failed;
  private final Map<EntityType, Integer> counts;

  private Scan(List<List<List<Entity>>> entities, boolean failed) {
    this.entities = entities;
    this.failed = failed;
    Map<EntityType, Integer> tally = new EnumMap<>(EntityType.class);
    entities.forEach(message -> message.forEach(text -> text.forEach(
        entity -> tally.merge(entity.type(), 1, Integer::sum))));
    this.counts = Map.copyOf(tally);
  }

  static Scan of(List<List<List<Entity>>> entities) {
    return new Scan(entities, false);
  }

  /** A scan that errored or ran out of time: the request must stay in the trust zone. */
  static Scan unfinished() {
    return new Scan(List.of(), true);
  }

  /** A scan of a request Fulcrum did not need to look into. */
  public static Scan none() {
    return new Scan(List.of(), false);
  }

  public boolean failed() {
    return failed;
  }

  /** Entities of text {@code text} of message {@code message}. */
  List<Entity> entities(int message, int text) {
    if (message >= entities.size() || text >= entities.get(message).size()) {
      return List.of();
    }
    return entities.get(message).get(text);
  }

  /** How many entities of each type were found. */
  public Map<EntityType, Integer> counts() {
    return counts;
  }

  /** The types found. */
  public Set<EntityType> types() {
    return counts.keySet();
  }

  public boolean clean() {
    return !failed && counts.isEmpty();
  }

  @Override
  public String toString() {
    return failed ? "Scan[failed]" : "Scan" + counts;
  }
}
