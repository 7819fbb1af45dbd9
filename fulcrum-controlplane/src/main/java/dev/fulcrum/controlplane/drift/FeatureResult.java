package dev.fulcrum.controlplane.drift;

import java.util.Objects;

/**
 * One test of one feature in a {@link DriftReport}.
 *
 * @param statistic PSI, KS D, or centroid cosine distance; NaN without data
 * @param threshold above which the feature counts as drifted
 * @param pValue KS p-value or permutation p-value; NaN for PSI
 * @param drifted whether this test flags the feature
 * @param currentSamples how many current observations the statistic rests on
 */
public record FeatureResult(String feature, DriftTest test, double statistic, double threshold,
    double pValue, boolean drifted, long currentSamples) {
  public FeatureResult {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(test, "test");
  }
}
