package dev.fulcrum.gateway.metrics;

import dev.fulcrum.gateway.metrics.MetricNames.Values;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Positions for {@code x-fulcrum-feature} values: the first {@code max} distinct features get
 * their own, every later one shares {@link Values#OTHER}, and requests without the header are
 * {@link Values#NONE}. Callers choose feature names, so this cap is what keeps them from
 * creating series without bound. Thread-safe; a known feature costs one map lookup.
 */
final class FeatureLabels {
  static final int NONE = 0;
  static final int OTHER = 1;

  private final int max;
  private final ConcurrentHashMap<String, Integer> positions = new ConcurrentHashMap<>();
  private final AtomicReferenceArray<String> names;
  private int assigned;
  private volatile boolean full;

  FeatureLabels(int max) {
    this.max = max;
    this.names = new AtomicReferenceArray<>(max + 2);
    names.set(NONE, Values.NONE);
    names.set(OTHER, Values.OTHER);
    positions.put(Values.NONE, NONE);
    positions.put(Values.OTHER, OTHER);
  }

  /** How many positions there are: none, other, and up to {@code max} features. */
  int size() {
    return max + 2;
  }

  /** The position of {@code feature} ({@code ""} when the request named none). */
  int indexOf(String feature) {
    if (feature.isEmpty()) {
      return NONE;
    }
    Integer position = positions.get(feature);
    if (position != null) {
      return position;
    }
    return full ? OTHER : assign(feature);
  }

  String name(int position) {
    return names.get(position);
  }

  private synchronized int assign(String feature) {
    Integer raced = positions.get(feature);
    if (raced != null) {
      return raced;
    }
    if (assigned == max) {
      full = true;
      return OTHER;
    }
    int position = 2 + assigned++;
    names.set(position, feature);
    positions.put(feature, position);
    full = assigned == max;
    return position;
  }
}
