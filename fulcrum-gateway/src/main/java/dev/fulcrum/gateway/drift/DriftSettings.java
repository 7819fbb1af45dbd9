package dev.fulcrum.gateway.drift;

import java.time.Duration;
import java.util.Objects;

/**
 * How drift is watched ({@code drift:} in the config). Defaults are written here and in the
 * config reference.
 *
 * @param enabled whether request and response features are collected at all
 * @param maxSamplesPerSecond a cap on the requests per model whose features are recorded, per
 *     second (a second's worth may come at once): a window needs hundreds of samples, not one per
 *     request, and each costs microseconds of CPU on the drift thread
 * @param referenceSize samples per model that form its reference (the traffic after start)
 * @param window how much recent traffic the current window holds
 * @param checkEvery how often each model's current window is compared with its reference
 * @param embeddingRate the share of prompts embedded with the local model for the embedding
 *     distance test, in [0, 1]; 0 leaves that test out
 * @param maxEmbeddingsPerMinute a cap on those embeddings, whatever the traffic: each costs
 *     milliseconds of CPU, and drift needs hundreds of samples per window, not thousands
 * @param webhook where alerts are POSTed as JSON (e.g. to start a retraining pipeline); empty
 *     for none
 */
public record DriftSettings(boolean enabled, int maxSamplesPerSecond, int referenceSize,
    Duration window, Duration checkEvery, double embeddingRate, int maxEmbeddingsPerMinute,
    String webhook) {

  public static DriftSettings defaults() {
    return new DriftSettings(true, 200, 500, Duration.ofHours(1), Duration.ofMinutes(1), 0.2, 60,
        "");
  }

  public DriftSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(checkEvery, "checkEvery");
    Objects.requireNonNull(webhook, "webhook");
    if (maxSamplesPerSecond < 1) {
      throw new IllegalArgumentException("max samples per second must be at least 1");
    }
    if (referenceSize < 50) {
      throw new IllegalArgumentException("a drift reference needs at least 50 samples");
    }
    if (!(embeddingRate >= 0 && embeddingRate <= 1)) {
      throw new IllegalArgumentException("embedding rate must be within [0, 1]");
    }
    if (maxEmbeddingsPerMinute < 1) {
      throw new IllegalArgumentException("max embeddings per minute must be at least 1");
    }
  }
}
