package dev.fulcrum.controlplane.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which usage to sum and how to group it.
 *
 * @param from the first UTC day, inclusive
 * @param to the last UTC day, inclusive
 * @param filters exact values some dimensions must have ({@link Dimension#DAY} is the range)
 * @param groupBy the dimensions to group by, in output order; empty for one total
 */
public record UsageQuery(LocalDate from, LocalDate to, Map<Dimension, String> filters,
    List<Dimension> groupBy) {
  public UsageQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the range ends (" + to + ") before it starts ("
          + from + ")");
    }
    filters = filters.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(filters));
    if (filters.containsKey(Dimension.DAY)) {
      throw new IllegalArgumentException("filter days with from and to");
    }
    groupBy = List.copyOf(new LinkedHashSet<>(groupBy));
  }

  /** Totals over {@code from} to {@code to}, inclusive, ungrouped and unfiltered. */
  public static UsageQuery between(LocalDate from, LocalDate to) {
    return new UsageQuery(from, to, Map.of(), List.of());
  }

  /** This query, also requiring {@code dimension} to equal {@code value}. */
  public UsageQuery where(Dimension dimension, String value) {
    Map<Dimension, String> more = new EnumMap<>(Dimension.class);
    more.putAll(filters);
    more.put(dimension, value);
    return new UsageQuery(from, to, more, groupBy);
  }

  /** This query, grouped by {@code dimensions} (after any it groups by already). */
  public UsageQuery groupBy(Dimension... dimensions) {
    List<Dimension> more = new ArrayList<>(groupBy);
    more.addAll(List.of(dimensions));
    return new UsageQuery(from, to, filters, more);
  }
}
