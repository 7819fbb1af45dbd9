package dev.fulcrum.controlplane.drift;

import java.time.Instant;
import java.util.Objects;

/**
 * A feature of a model started drifting: delivered once when a test's verdict turns from quiet
 * to drifted (not again while it stays drifted). Listeners turn it into metrics, audit entries,
 * webhooks.
 */
public record DriftAlert(String model, FeatureResult result, Instant at) {
  public DriftAlert {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(at, "at");
  }
}
