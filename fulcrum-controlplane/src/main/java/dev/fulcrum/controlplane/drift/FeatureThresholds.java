package dev.fulcrum.controlplane.drift;

/**
 * When one feature counts as drifted.
 *
 * @param psi PSI above this flags (numeric and categorical features)
 * @param ksStatistic KS D above this flags (numeric features)
 * @param embeddingDistance centroid cosine distance above this … (embedding features)
 * @param alpha … and a permutation p-value below this flags (embedding features)
 */
public record FeatureThresholds(double psi, double ksStatistic, double embeddingDistance,
    double alpha) {
  /**
   * Textbook defaults for independent samples: PSI 0.2 (between "moderate" 0.1 and "major"
   * 0.25), KS D 0.1, any centroid distance significant at α = 0.01. Calibrate (see {@link
   * DriftThresholds#calibrate}) when the reference itself varies, as real traffic does.
   */
  public static final FeatureThresholds DEFAULTS = new FeatureThresholds(0.2, 0.1, 0, 0.01);

  public FeatureThresholds {
    if (!(psi >= 0) || !(ksStatistic >= 0) || !(embeddingDistance >= 0)
        || !(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("thresholds must be non-negative and alpha within "
          + "(0, 1)");
    }
  }

  /** The threshold this feature uses for {@code test}. */
  public double of(DriftTest test) {
    return switch (test) {
      case PSI -> psi;
      case KS -> ksStatistic;
      case EMBEDDING -> embeddingDistance;
    };
  }
}
