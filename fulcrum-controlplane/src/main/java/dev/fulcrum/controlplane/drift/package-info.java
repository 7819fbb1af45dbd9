/**
 * Drift monitoring: is a model's traffic still like its reference traffic?
 *
 * <p>Per model, a {@link dev.fulcrum.controlplane.drift.Reference} window is compared with a
 * sliding current window ({@link dev.fulcrum.controlplane.drift.DriftMonitor}) feature by
 * feature: numeric features by {@link dev.fulcrum.controlplane.drift.Psi PSI} over reference
 * deciles ({@link dev.fulcrum.controlplane.drift.NumericBins}) and by the {@link
 * dev.fulcrum.controlplane.drift.KolmogorovSmirnov Kolmogorov–Smirnov} statistic;
 * categorical features by PSI over categories; embeddings by the {@link
 * dev.fulcrum.controlplane.drift.EmbeddingDistance centroid cosine distance with a permutation
 * threshold}. {@link dev.fulcrum.controlplane.drift.DriftThresholds} are fixed per feature or
 * calibrated from the reference's own chunk-to-chunk variation. A test that turns drifted
 * raises a {@link dev.fulcrum.controlplane.drift.DriftAlert}; {@link
 * dev.fulcrum.controlplane.drift.WebhookNotifier} is one listener. {@link
 * dev.fulcrum.controlplane.drift.LlmFeatures} defines the chat features.
 */
package dev.fulcrum.controlplane.drift;
