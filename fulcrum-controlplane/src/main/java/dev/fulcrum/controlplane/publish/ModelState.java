package dev.fulcrum.controlplane.publish;

import dev.fulcrum.controlplane.registry.AliasInterval;
import dev.fulcrum.controlplane.registry.ModelVersion;
import java.util.List;
import java.util.Map;

/**
 * What the projection needs to know about one model.
 *
 * @param versions by version id
 * @param prodHistory the {@code prod} alias's intervals, oldest first
 */
record ModelState(String model, Map<String, ModelVersion> versions,
    List<AliasInterval> prodHistory) {
  ModelState {
    versions = Map.copyOf(versions);
    prodHistory = List.copyOf(prodHistory);
  }
}
