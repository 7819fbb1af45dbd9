package dev.fulcrum.controlplane.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares a current window with a {@link Reference}, feature by feature and test by test: a
 * numeric feature gets a PSI row and a KS row, a categorical one a PSI row, an embedding one an
 * embedding-distance row. A PSI or KS threshold is never below what two independent samples of
 * the same distribution reach by chance ({@link SamplingNoise}, α = 0.01), so a small reference
 * or window does not flag steady traffic. Pure and deterministic (the permutation test is
 * seeded). Thread-safe.
 */
public final class DriftDetector {
  /** Shuffles in the embedding permutation test. */
  public static final int PERMUTATIONS = 200;
  private static final long SEED = 0x5eedL;

  private final Reference reference;
  private final DriftThresholds thresholds;

  private DriftDetector(Reference reference, DriftThresholds thresholds) {
    this.reference = reference;
    this.thresholds = thresholds;
  }

  public static DriftDetector of(Reference reference, DriftThresholds thresholds) {
    return new DriftDetector(Objects.requireNonNull(reference, "reference"),
        Objects.requireNonNull(thresholds, "thresholds"));
  }

  public Reference reference() {
    return reference;
  }

  public DriftThresholds thresholds() {
    return thresholds;
  }

  /** Judges {@code current} (every sample counts) at {@code at}. */
  public DriftReport compare(String model, Instant at, List<Sample> current) {
    return compare(model, at, Observed.of(reference, current));
  }

  DriftReport compare(String model, Instant at, Observed current) {
    List<FeatureResult> results = new ArrayList<>();
    for (Feature feature : reference.features()) {
      String name = feature.name();
      FeatureThresholds limits = thresholds.of(name);
      long n = current.counts().getOrDefault(name, 0L);
      boolean enough = n >= thresholds.minSamples();
      switch (feature) {
        case Feature.Numeric f -> {
          Reference.NumericPart ref = reference.numeric(name);
          long[] bins = current.bins().get(name);
          double psi = Psi.of(ref.counts(), bins);
          results.add(row(name, DriftTest.PSI, psi, Math.max(limits.psi(),
              SamplingNoise.psi(ref.counts(), bins)), Double.NaN, enough, n));
          double[] values = current.values().get(name);
          KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(ref.sorted(), values);
          results.add(row(name, DriftTest.KS, ks.statistic(), Math.max(limits.ksStatistic(),
              SamplingNoise.ks(ref.sorted().length, values.length)), ks.pValue(), enough, n));
        }
        case Feature.Categorical f -> {
          Reference.CategoryPart ref = reference.categorical(name);
          long[] bins = ref.bins().counts(current.categories().get(name));
          double psi = Psi.of(ref.counts(), bins);
          results.add(row(name, DriftTest.PSI, psi, Math.max(limits.psi(),
              SamplingNoise.psi(ref.counts(), bins)), Double.NaN, enough, n));
        }
        case Feature.Embedding f -> results.add(embedding(name, limits, current, enough, n));
      }
    }
    return new DriftReport(model, at, reference.size(), current.size(), results);
  }

  private FeatureResult embedding(String name, FeatureThresholds limits, Observed current,
      boolean enough, long n) {
    EmbeddingDistance.Result test = EmbeddingDistance.test(reference.embedding(name),
        current.vectors().getOrDefault(name, List.of()), PERMUTATIONS, limits.alpha(), SEED);
    double threshold = Math.max(limits.embeddingDistance(), test.threshold());
    boolean drifted = enough && test.distance() > limits.embeddingDistance()
        && test.pValue() < limits.alpha();
    return new FeatureResult(name, DriftTest.EMBEDDING, test.distance(), threshold,
        test.pValue(), drifted, n);
  }

  private static FeatureResult row(String feature, DriftTest test, double statistic,
      double threshold, double pValue, boolean enough, long n) {
    return new FeatureResult(feature, test, statistic, threshold, pValue,
        enough && statistic > threshold, n);
  }
}
