package dev.fulcrum.gateway.cli;

import dev.fulcrum.core.privacy.EntityType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --fail-on}: the entity types whose presence makes {@code pii scan} exit 1, so it can
 * guard a CI job or a pre-commit hook.
 *
 * @param types the types that fail the scan; empty: nothing does
 */
record FailOn(Set<EntityType> types) {
  static final String ANY = "any";

  FailOn {
    types = Set.copyOf(types);
  }

  /**
   * Type names (any case) or {@value #ANY} for every type; no names: nothing fails the scan.
   *
   * @throws IllegalArgumentException naming the unknown type and listing the known ones
   */
  static FailOn of(List<String> names) {
    Set<EntityType> types = EnumSet.noneOf(EntityType.class);
    for (String name : names) {
      String wanted = name.strip().toUpperCase(Locale.ROOT);
      if (wanted.equals(ANY.toUpperCase(Locale.ROOT))) {
        types.addAll(EnumSet.allOf(EntityType.class));
      } else if (!wanted.isEmpty()) {
        types.add(type(name, wanted));
      }
    }
    return new FailOn(types);
  }

  private static EntityType type(String given, String wanted) {
    try {
      return EntityType.valueOf(wanted);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--fail-on: unknown entity type '" + given.strip()
          + "'; use any or some of " + String.join(", ", Arrays.stream(EntityType.values())
              .map(Enum::name).toList()));
    }
  }

  /** The listed types the scan found, in {@link EntityType} order; empty: the scan passes. */
  Set<EntityType> triggeredBy(ScanSummary summary) {
    Set<EntityType> found = EnumSet.noneOf(EntityType.class);
    for (EntityType type : summary.counts().keySet()) {
      if (types.contains(type)) {
        found.add(type);
      }
    }
    return found;
  }
}
