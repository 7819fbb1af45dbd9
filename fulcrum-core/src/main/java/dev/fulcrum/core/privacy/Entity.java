package dev.fulcrum.core.privacy;

import java.util.Objects;

/**
 * A span of text the privacy scan believes is personal or secret data. Carries no copy of the
 * text itself, so it is safe to log, count and audit.
 *
 * @param type what kind of data
 * @param start offset of the first char (UTF-16 index into the scanned text), inclusive
 * @param end offset after the last char, exclusive
 * @param score confidence in [0, 1]
 */
public record Entity(EntityType type, int start, int end, double score) {
  public Entity {
    Objects.requireNonNull(type, "type");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("an entity needs 0 <= start < end, got [" + start
          + ", " + end + ")");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be within [0, 1], got " + score);
    }
  }

  public int length() {
    return end - start;
  }

  /** Whether the two spans share at least one char. */
  public boolean overlaps(Entity other) {
    return start < other.end && other.start < end;
  }
}
