package dev.fulcrum.controlplane.drift;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The features of one observation (a request and its response, or one row of tabular data).
 * Holds only derived values, never the prompt or answer text. A feature may be absent from a
 * sample; it is then simply not counted for that feature.
 *
 * @param numbers numeric features by name
 * @param categories categorical features by name: category → count
 * @param embeddings embedding features by name (arrays are copied in and never exposed mutably
 *     by Fulcrum; callers must not modify them after building)
 */
public record Sample(Map<String, Double> numbers, Map<String, Map<String, Long>> categories,
    Map<String, double[]> embeddings) {
  public Sample {
    numbers = Map.copyOf(numbers);
    categories = Map.copyOf(categories);
    embeddings = Map.copyOf(embeddings);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "Sample[" + numbers.size() + " numeric, " + categories.size() + " categorical, "
        + embeddings.size() + " embedding features]";
  }

  /** Collects one sample's features. */
  public static final class Builder {
    private final Map<String, Double> numbers = new HashMap<>();
    private final Map<String, Map<String, Long>> categories = new HashMap<>();
    private final Map<String, double[]> embeddings = new HashMap<>();

    private Builder() {}

    /** @throws IllegalArgumentException for NaN or infinite values */
    public Builder number(String feature, double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("feature " + feature + " must be a finite number");
      }
      numbers.put(feature, value);
      return this;
    }

    /** One occurrence of {@code category}. */
    public Builder category(String feature, String category) {
      return count(feature, category, 1);
    }

    /** {@code count} occurrences of {@code category} (entity mix: PERSON × 2). */
    public Builder count(String feature, String category, long count) {
      Objects.requireNonNull(category, "category");
      if (count < 0) {
        throw new IllegalArgumentException("category counts must not be negative");
      }
      categories.computeIfAbsent(feature, f -> new HashMap<>()).merge(category, count,
          Long::sum);
      return this;
    }

    public Builder embedding(String feature, float[] vector) {
      double[] copy = new double[vector.length];
      for (int i = 0; i < vector.length; i++) {
        copy[i] = vector[i];
      }
      return embedding(feature, copy);
    }

    public Builder embedding(String feature, double[] vector) {
      if (vector.length == 0) {
        throw new IllegalArgumentException("embedding " + feature + " must not be empty");
      }
      embeddings.put(feature, vector.clone());
      return this;
    }

    public Sample build() {
      Map<String, Map<String, Long>> frozen = new HashMap<>();
      categories.forEach((feature, counts) -> frozen.put(feature, Map.copyOf(counts)));
      return new Sample(numbers, frozen, embeddings);
    }
  }
}
