package dev.fulcrum.controlplane.drift;

/** The statistical tests a feature can be judged by. */
public enum DriftTest {
  /** Population stability index over reference-decile bins (numeric) or categories. */
  PSI,
  /** Two-sample Kolmogorov–Smirnov statistic D (numeric). */
  KS,
  /** Centroid cosine distance with a permutation threshold (embedding). */
  EMBEDDING
}
