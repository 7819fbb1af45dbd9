package dev.fulcrum.dataplane.privacy;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks a set of non-overlapping entities from overlapping findings. Candidates are ranked by
 * score (higher first), then length (longer first), then {@link #priority type priority}, then
 * start (earlier first); each is kept unless it overlaps one already kept. O(n log n).
 */
final class Overlaps {
  static final Comparator<Entity> RANK = Comparator.comparingDouble(Entity::score).reversed()
      .thenComparing(Comparator.comparingInt(Entity::length).reversed())
      .thenComparingInt(e -> priority(e.type()))
      .thenComparingInt(Entity::start);

  private Overlaps() {}

  /** The kept entities, sorted by start. */
  static List<Entity> resolve(List<Entity> candidates) {
    List<Entity> ranked = new ArrayList<>(candidates);
    ranked.sort(RANK);
    TreeMap<Integer, Entity> kept = new TreeMap<>();
    for (Entity e : ranked) {
      if (!collides(kept, e)) {
        kept.put(e.start(), e);
      }
    }
    return List.copyOf(kept.values());
  }

  private static boolean collides(TreeMap<Integer, Entity> kept, Entity e) {
    Map.Entry<Integer, Entity> before = kept.floorEntry(e.start());
    if (before != null && before.getValue().end() > e.start()) {
      return true;
    }
    Map.Entry<Integer, Entity> after = kept.ceilingEntry(e.start());
    return after != null && after.getValue().start() < e.end();
  }

  /**
   * Tie-break between equally scored, equally long findings: the more specific and more harmful
   * type wins (lower number). Secrets and payment data first; broad, fuzzy types last.
   */
  static int priority(EntityType type) {
    return switch (type) {
      case SECRET -> 0;
      case CREDIT_CARD -> 1;
      case IBAN_CODE -> 2;
      case US_SSN -> 3;
      case EMAIL_ADDRESS -> 4;
      case PHONE_NUMBER -> 5;
      case IP_ADDRESS -> 6;
      case URL -> 7;
      case PERSON -> 8;
      case LOCATION -> 9;
      case ORGANIZATION -> 10;
      case NRP -> 11;
      case DATE_TIME -> 12;
      case DOMAIN_NAME -> 13;
    };
  }
}
