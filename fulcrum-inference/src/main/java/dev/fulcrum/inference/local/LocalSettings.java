package dev.fulcrum.inference.local;

import dev.fulcrum.core.backend.Placement;
import java.util.Objects;

/**
 * An in-process model backend.
 *
 * @param name the backend's name
 * @param placement where it runs; LOCAL unless the operator says otherwise
 * @param threads inference threads (one ONNX run per thread at a time)
 */
public record LocalSettings(String name, Placement placement, int threads) {
  public LocalSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(placement, "placement");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }
}
