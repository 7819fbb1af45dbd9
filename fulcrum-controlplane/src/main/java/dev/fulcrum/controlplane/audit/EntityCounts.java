package dev.fulcrum.controlplane.audit;

import dev.fulcrum.core.privacy.EntityType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Validated, immutable, zero-free copies of entity counts. */
final class EntityCounts {
  private EntityCounts() {}

  static Map<EntityType, Integer> copy(Map<EntityType, Integer> counts) {
    EnumMap<EntityType, Integer> copy = new EnumMap<>(EntityType.class);
    counts.forEach((type, count) -> {
      if (count < 0) {
        throw new IllegalArgumentException("entity count for " + type + " is negative");
      }
      if (count > 0) {
        copy.put(type, count);
      }
    });
    return Collections.unmodifiableMap(copy);
  }
}
