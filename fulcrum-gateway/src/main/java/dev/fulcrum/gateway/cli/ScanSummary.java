package dev.fulcrum.gateway.cli;

import dev.fulcrum.core.privacy.EntityType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@code pii scan} saw.
 *
 * @param lines lines read, blank and unreadable ones included
 * @param linesWithFindings lines with at least one finding
 * @param counts findings per type, in {@link EntityType} order; types not found are absent
 * @param unreadable JSON Lines lines that are not JSON, in order (they were skipped)
 */
record ScanSummary(long lines, long linesWithFindings, Map<EntityType, Long> counts,
    List<Unreadable> unreadable) {
  ScanSummary {
    Map<EntityType, Long> ordered = new EnumMap<>(EntityType.class);
    ordered.putAll(counts);
    counts = Collections.unmodifiableMap(ordered);
    unreadable = List.copyOf(unreadable);
  }

  /**
   * A line that could not be scanned.
   *
   * @param reason what is wrong, without the line's content
   */
  record Unreadable(long line, String reason) {
    Unreadable {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * For a person: {@code 3 findings in 2 of 40 lines of chats.jsonl} and a table of counts by
   * type, or {@code no PII found in 40 lines of chats.jsonl}; lines end with a line separator.
   */
  String text(String source) {
    String n = System.lineSeparator();
    String of = (lines == 1 ? " line of " : " lines of ") + (source.equals("-") ? "stdin"
        : source);
    if (counts.isEmpty()) {
      return "no PII found in " + lines + of + n;
    }
    Table table = new Table("TYPE", "COUNT");
    counts.forEach(table::row);
    long total = findings();
    return total + (total == 1 ? " finding" : " findings") + " in " + linesWithFindings + " of "
        + lines + of + n + table.render();
  }

  /** Findings of every type. */
  long findings() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
