package dev.fulcrum.gateway.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A label's bounded set of values, each with a position. Anything outside the set maps to one
 * catch-all value, so callers can never add a series by sending a new name. Immutable.
 */
final class Dimension {
  private final List<String> values;
  private final Map<String, Integer> positions;
  private final int catchAll;

  private Dimension(List<String> values, int catchAll) {
    this.values = List.copyOf(values);
    this.catchAll = catchAll;
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      map.putIfAbsent(values.get(i), i);
    }
    this.positions = Map.copyOf(map);
  }

  /** {@code known} followed by {@code catchAll}, which every other value maps to. */
  static Dimension of(Collection<String> known, String catchAll) {
    List<String> values = new ArrayList<>(known);
    values.remove(catchAll);
    values.add(catchAll);
    return new Dimension(values, values.size() - 1);
  }

  /** A dimension with one value, for a label that is switched off. */
  static Dimension single(String value) {
    return new Dimension(List.of(value), 0);
  }

  /** The position of {@code value}, or of the catch-all. Allocation-free. */
  int indexOf(String value) {
    Integer position = positions.get(value);
    return position == null ? catchAll : position;
  }

  String value(int index) {
    return values.get(index);
  }

  int size() {
    return values.size();
  }

  List<String> values() {
    return values;
  }
}
