package dev.fulcrum.controlplane.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reference window: what "normal" looked like, fixed once built. Immutable.
 *
 * <p>Kept per feature: numeric — the sorted values (at most {@value #NUMERIC_CAP}, thinned by
 * taking evenly spaced order statistics, which preserves the distribution for KS) and the
 * exact counts over its {@link NumericBins}; categorical — {@link CategoryBins} (categories by
 * descending reference frequency) and counts; embedding — at most {@value #EMBEDDING_CAP}
 * vectors, evenly spaced through the input order.
 */
public final class Reference {
  /** Most numeric values kept per feature for KS. */
  public static final int NUMERIC_CAP = 20_000;
  /** Most vectors kept per embedding feature for the permutation test. */
  public static final int EMBEDDING_CAP = 300;

  record NumericPart(double[] sorted, NumericBins bins, long[] counts) {}

  record CategoryPart(CategoryBins bins, long[] counts) {}

  private final List<Feature> features;
  private final long size;
  private final Map<String, NumericPart> numeric;
  private final Map<String, CategoryPart> categorical;
  private final Map<String, List<double[]>> embeddings;

  private Reference(List<Feature> features, long size, Map<String, NumericPart> numeric,
      Map<String, CategoryPart> categorical, Map<String, List<double[]>> embeddings) {
    this.features = features;
    this.size = size;
    this.numeric = numeric;
    this.categorical = categorical;
    this.embeddings = embeddings;
  }

  /**
   * @throws IllegalArgumentException when a feature has no values in {@code samples}, or
   *     feature names repeat
   */
  public static Reference of(List<Feature> features, List<Sample> samples) {
    if (features.stream().map(Feature::name).distinct().count() != features.size()) {
      throw new IllegalArgumentException("feature names must be unique");
    }
    Map<String, NumericPart> numeric = new HashMap<>();
    Map<String, CategoryPart> categorical = new HashMap<>();
    Map<String, List<double[]>> embeddings = new HashMap<>();
    for (Feature feature : features) {
      switch (feature) {
        case Feature.Numeric n -> numeric.put(n.name(), numeric(n.name(), samples));
        case Feature.Categorical c -> categorical.put(c.name(), categorical(c.name(), samples));
        case Feature.Embedding e -> embeddings.put(e.name(), embedding(e.name(), samples));
      }
    }
    return new Reference(List.copyOf(features), samples.size(), numeric, categorical,
        embeddings);
  }

  public List<Feature> features() {
    return features;
  }

  /** How many samples built it. */
  public long size() {
    return size;
  }

  NumericPart numeric(String feature) {
    return numeric.get(feature);
  }

  CategoryPart categorical(String feature) {
    return categorical.get(feature);
  }

  List<double[]> embedding(String feature) {
    return embeddings.get(feature);
  }

  private static NumericPart numeric(String feature, List<Sample> samples) {
    double[] values = samples.stream().map(s -> s.numbers().get(feature))
        .filter(Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
    require(feature, values.length);
    NumericBins bins = NumericBins.quantiles(values, NumericBins.DEFAULT_BINS);
    return new NumericPart(thin(values), bins, bins.counts(values));
  }

  private static CategoryPart categorical(String feature, List<Sample> samples) {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Sample sample : samples) {
      sample.categories().getOrDefault(feature, Map.of())
          .forEach((category, count) -> totals.merge(category, count, Long::sum));
    }
    require(feature, totals.size());
    List<String> byFrequency = new ArrayList<>(totals.keySet());
    byFrequency.sort(Comparator.comparing((String category) -> totals.get(category))
        .reversed().thenComparing(Comparator.naturalOrder()));
    CategoryBins bins = CategoryBins.of(byFrequency);
    return new CategoryPart(bins, bins.counts(totals));
  }

  private static List<double[]> embedding(String feature, List<Sample> samples) {
    List<double[]> vectors = samples.stream().map(s -> s.embeddings().get(feature))
        .filter(Objects::nonNull).toList();
    require(feature, vectors.size());
    return spaced(vectors, EMBEDDING_CAP);
  }

  static <T> List<T> spaced(List<T> items, int cap) {
    if (items.size() <= cap) {
      return List.copyOf(items);
    }
    List<T> kept = new ArrayList<>(cap);
    for (int i = 0; i < cap; i++) {
      kept.add(items.get((int) ((long) i * items.size() / cap)));
    }
    return List.copyOf(kept);
  }

  private static double[] thin(double[] sorted) {
    if (sorted.length <= NUMERIC_CAP) {
      return sorted;
    }
    double[] kept = new double[NUMERIC_CAP];
    for (int i = 0; i < NUMERIC_CAP; i++) {
      kept[i] = sorted[(int) ((long) i * sorted.length / NUMERIC_CAP)];
    }
    return kept;
  }

  private static void require(String feature, int count) {
    if (count == 0) {
      throw new IllegalArgumentException("the reference has no values for feature " + feature);
    }
  }

  @Override
  public String toString() {
    return "Reference[" + size + " samples, features " + features.stream().map(Feature::name)
        .toList() + "]";
  }
}
