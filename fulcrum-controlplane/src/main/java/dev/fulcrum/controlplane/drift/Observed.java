package dev.fulcrum.controlplane.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The current window in the form the tests need, for the features of one {@link Reference}.
 *
 * @param size observations in the window
 * @param values numeric values (all of them, or a sample of them from a sliding window)
 * @param bins exact counts over the reference's numeric bins
 * @param categories exact category counts
 * @param vectors a sample of embedding vectors
 * @param counts per feature, how many observations carried it
 */
record Observed(long size, Map<String, double[]> values, Map<String, long[]> bins,
    Map<String, Map<String, Long>> categories, Map<String, List<double[]>> vectors,
    Map<String, Long> counts) {

  /** Every value of every sample (embeddings thinned to {@link Reference#EMBEDDING_CAP}). */
  static Observed of(Reference reference, List<Sample> samples) {
    Map<String, double[]> values = new HashMap<>();
    Map<String, long[]> bins = new HashMap<>();
    Map<String, Map<String, Long>> categories = new HashMap<>();
    Map<String, List<double[]>> vectors = new HashMap<>();
    Map<String, Long> counts = new HashMap<>();
    for (Feature feature : reference.features()) {
      String name = feature.name();
      switch (feature) {
        case Feature.Numeric n -> {
          double[] v = samples.stream().map(s -> s.numbers().get(name))
              .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
          values.put(name, v);
          bins.put(name, reference.numeric(name).bins().counts(v));
          counts.put(name, (long) v.length);
        }
        case Feature.Categorical c -> {
          Map<String, Long> totals = new HashMap<>();
          long carrying = 0;
          for (Sample sample : samples) {
            Map<String, Long> counted = sample.categories().get(name);
            if (counted != null) {
              carrying++;
              counted.forEach((category, count) -> totals.merge(category, count, Long::sum));
            }
          }
          categories.put(name, totals);
          counts.put(name, carrying);
        }
        case Feature.Embedding e -> {
          List<double[]> all = new ArrayList<>();
          samples.forEach(s -> {
            double[] vector = s.embeddings().get(name);
            if (vector != null) {
              all.add(vector);
            }
          });
          vectors.put(name, Reference.spaced(all, Reference.EMBEDDING_CAP));
          counts.put(name, (long) all.size());
        }
      }
    }
    return new Observed(samples.size(), values, bins, categories, vectors, counts);
  }
}
