package dev.fulcrum.controlplane.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Thresholds for every feature, and how few current samples are too few to judge.
 *
 * @param fallback for features without their own entry
 * @param perFeature by feature name
 * @param minSamples a feature with fewer current observations is reported but never flagged
 */
public record DriftThresholds(FeatureThresholds fallback, Map<String, FeatureThresholds>
    perFeature, long minSamples) {
  public DriftThresholds {
    Objects.requireNonNull(fallback, "fallback");
    perFeature = Map.copyOf(perFeature);
    if (minSamples < 1) {
      throw new IllegalArgumentException("minSamples must be at least 1");
    }
  }

  /** {@link FeatureThresholds#DEFAULTS} for every feature; at least 50 samples. */
  public static DriftThresholds defaults() {
    return new DriftThresholds(FeatureThresholds.DEFAULTS, Map.of(), 50);
  }

  public FeatureThresholds of(String feature) {
    return perFeature.getOrDefault(feature, fallback);
  }

  /** These thresholds with {@code feature}'s replaced. */
  public DriftThresholds with(String feature, FeatureThresholds thresholds) {
    Map<String, FeatureThresholds> copy = new HashMap<>(perFeature);
    copy.put(feature, thresholds);
    return new DriftThresholds(fallback, copy, minSamples);
  }

  /**
   * Thresholds learnt from the reference's own variation: each chunk of the reference (say, each
   * day or month of it) is compared with the whole reference, and a test's threshold becomes
   * {@code mean + sigmas × sd} of that test's statistic over the chunks (NannyML's
   * standard-deviation threshold; 3 is the usual choice). Drift then means "a bigger change
   * than the reference period saw from chunk to chunk". Chunks should be about as large as the
   * windows that will be judged, since PSI and KS shrink as samples grow. α and minSamples
   * stay as in {@code base}.
   *
   * @param chunks at least two parts of the reference, in any order
   */
  public static DriftThresholds calibrate(Reference reference, List<List<Sample>> chunks,
      double sigmas, DriftThresholds base) {
    if (chunks.size() < 2) {
      throw new IllegalArgumentException("calibration needs at least two reference chunks");
    }
    DriftDetector raw = DriftDetector.of(reference, base);
    Map<String, Map<DriftTest, List<Double>>> statistics = new HashMap<>();
    for (List<Sample> chunk : chunks) {
      for (FeatureResult result : raw.compare("calibration", Instant.EPOCH, chunk).results()) {
        if (Double.isFinite(result.statistic())) {
          statistics.computeIfAbsent(result.feature(), f -> new HashMap<>())
              .computeIfAbsent(result.test(), t -> new ArrayList<>()).add(result.statistic());
        }
      }
    }
    DriftThresholds calibrated = base;
    for (Feature feature : reference.features()) {
      Map<DriftTest, List<Double>> byTest = statistics.getOrDefault(feature.name(), Map.of());
      FeatureThresholds old = base.of(feature.name());
      calibrated = calibrated.with(feature.name(), new FeatureThresholds(
          bound(byTest.get(DriftTest.PSI), sigmas, old.psi()),
          bound(byTest.get(DriftTest.KS), sigmas, old.ksStatistic()),
          bound(byTest.get(DriftTest.EMBEDDING), sigmas, old.embeddingDistance()),
          old.alpha()));
    }
    return calibrated;
  }

  private static double bound(List<Double> values, double sigmas, double fallback) {
    if (values == null || values.size() < 2) {
      return fallback;
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return mean + sigmas * Math.sqrt(squares / (values.size() - 1));
  }
}
