package dev.fulcrum.controlplane.drift;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bins of a categorical feature: one per category seen in the reference, in first-seen
 * order, plus a final {@value #OTHER} bin for categories the reference never saw (a new
 * language, a new finish reason). Immutable.
 */
public final class CategoryBins {
  /** The bin of unseen categories. */
  public static final String OTHER = "(other)";
  private final Map<String, Integer> index;

  private CategoryBins(Map<String, Integer> index) {
    this.index = index;
  }

  public static CategoryBins of(List<String> referenceCategories) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (String category : referenceCategories) {
      index.putIfAbsent(category, index.size());
    }
    return new CategoryBins(Map.copyOf(index));
  }

  public int size() {
    return index.size() + 1;
  }

  public int bin(String category) {
    return index.getOrDefault(category, index.size());
  }

  /** Counts per bin of a category → count map. */
  public long[] counts(Map<String, Long> counts) {
    long[] bins = new long[size()];
    counts.forEach((category, count) -> bins[bin(category)] += count);
    return bins;
  }
}
