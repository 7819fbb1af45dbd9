package dev.fulcrum.gateway.config;

/**
 * The {@code metrics:} section: what {@code GET /metrics} publishes.
 *
 * @param enabled whether {@code /metrics} is served and requests are measured (default true)
 * @param tenantLabels whether request, token and feature series carry a {@code tenant} label
 *     (default false: tenant ids stay out of metrics)
 * @param maxFeatures how many distinct {@code x-fulcrum-feature} values get their own series;
 *     later ones are counted as {@code other} (default {@value #DEFAULT_MAX_FEATURES})
 */
public record MetricsConfig(boolean enabled, boolean tenantLabels, int maxFeatures) {
  public static final int DEFAULT_MAX_FEATURES = 50;
  public static final MetricsConfig DEFAULTS =
      new MetricsConfig(true, false, DEFAULT_MAX_FEATURES);

  public MetricsConfig {
    if (maxFeatures < 0) {
      throw new IllegalArgumentException("maxFeatures must not be negative");
    }
  }

  static MetricsConfig from(ConfigNode node) {
    node.allowOnly("enabled", "tenant-labels", "max-features");
    return new MetricsConfig(node.bool("enabled", true), node.bool("tenant-labels", false),
        node.integer("max-features", DEFAULT_MAX_FEATURES, 0, 10_000));
  }

}
