package dev.fulcrum.controlplane.registry;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What is known about a version besides its artifact.
 *
 * @param owner the team or person answerable for it
 * @param trainingData lineage: the data set(s) and snapshot it was trained or tuned on; empty
 *     when unknown (hosted models)
 * @param metrics evaluation results by name ({@code accuracy → 0.91}); sorted by name
 * @param labels free-form tags ({@code task → classification}); sorted by name
 */
public record VersionMetadata(String owner, String trainingData, Map<String, Double> metrics,
    Map<String, String> labels) {

  public VersionMetadata {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(trainingData, "trainingData");
    if (owner.isBlank()) {
      throw new IllegalArgumentException("a version needs an owner");
    }
    metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    metrics.forEach((name, value) -> {
      if (value == null || !Double.isFinite(value)) {
        throw new IllegalArgumentException("metric '" + name + "' must be a finite number");
      }
    });
    labels.values().forEach(value -> Objects.requireNonNull(value, "label value"));
  }

  /** Only an owner; no lineage, metrics or labels. */
  public static VersionMetadata ownedBy(String owner) {
    return new VersionMetadata(owner, "", Map.of(), Map.of());
  }
}
