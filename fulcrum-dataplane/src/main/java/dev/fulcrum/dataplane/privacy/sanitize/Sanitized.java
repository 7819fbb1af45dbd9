package dev.fulcrum.dataplane.privacy.sanitize;

import dev.fulcrum.core.privacy.EntityType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of sanitizing one text.
 *
 * @param text the sanitized text, safe to send where the policy allows
 * @param replacements what was replaced, in text order; {@link Action#ALLOW}ed entities are not
 *     listed
 */
public record Sanitized(String text, List<Replacement> replacements) {

  /**
   * One replaced entity.
   *
   * @param type the entity type
   * @param action what was done
   * @param start offset of the entity in the original text
   * @param end end (exclusive) of the entity in the original text
   */
  public record Replacement(EntityType type, Action action, int start, int end) {
    public Replacement {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(action, "action");
    }
  }

  public Sanitized {
    Objects.requireNonNull(text, "text");
    replacements = List.copyOf(replacements);
  }

  /** How many entities of each type were replaced. */
  public Map<EntityType, Integer> counts() {
    Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
    replacements.forEach(r -> counts.merge(r.type(), 1, Integer::sum));
    return counts;
  }

  /** Shows counts by type only, never the text. */
  @Override
  public String toString() {
    return "Sanitized[length=" + text.length() + ", replaced=" + counts() + "]";
  }
}
