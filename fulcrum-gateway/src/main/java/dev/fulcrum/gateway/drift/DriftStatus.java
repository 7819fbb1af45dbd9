package dev.fulcrum.gateway.drift;

import dev.fulcrum.controlplane.drift.DriftReport;
import java.util.Objects;
import java.util.Optional;

/**
 * One model's drift state.
 *
 * @param referenceSamples samples collected toward the reference
 * @param referenceSize samples the reference needs before monitoring starts
 * @param last the latest comparison of the current window with the reference, once monitoring
 */
public record DriftStatus(String model, int referenceSamples, int referenceSize,
    Optional<DriftReport> last) {
  public DriftStatus {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(last, "last");
  }

  /** Whether the reference is complete and the model is being compared with it. */
  public boolean monitoring() {
    return referenceSamples >= referenceSize;
  }
}
