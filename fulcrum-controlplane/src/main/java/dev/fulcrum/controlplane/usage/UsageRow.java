package dev.fulcrum.controlplane.usage;

import java.util.Map;
import java.util.Objects;

/**
 * One group of a {@link UsageQuery}'s answer.
 *
 * @param group the grouped dimensions' values (days as {@code YYYY-MM-DD})
 * @param counts the sums over the group
 */
public record UsageRow(Map<Dimension, String> group, UsageCounts counts) {
  public UsageRow {
    group = Map.copyOf(group);
    Objects.requireNonNull(counts, "counts");
  }
}
