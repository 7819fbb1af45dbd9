package dev.fulcrum.gateway.cli;

import dev.fulcrum.core.privacy.Entity;
import java.util.Objects;

/**
 * One entity {@code pii scan} found: where (line, and for JSON Lines the field's path), what, and
 * the matched text itself. {@link #toString()} leaves the matched text out.
 *
 * @param line the line number, from 1
 * @param field the path of the JSON string value ({@code messages[0].content}); empty for text
 * @param entity the type, score and offsets (UTF-16 indexes into the line or the string value)
 * @param value the matched text
 */
record Finding(long line, String field, Entity entity, String value) {
  Finding {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(value, "value");
  }

  /** The score rounded to three decimals, as {@code POST /v1/privacy/analyze} gives it. */
  double score() {
    return Math.round(entity.score() * 1000) / 1000.0;
  }

  @Override
  public String toString() {
    return "Finding[line=" + line + ", field=" + field + ", entity=" + entity + "]";
  }
}
