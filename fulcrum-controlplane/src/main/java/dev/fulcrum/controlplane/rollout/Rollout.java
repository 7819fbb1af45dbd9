package dev.fulcrum.controlplane.rollout;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored rollout.
 *
 * @param id assigned by the store
 * @param baseline the {@code prod} version when it was created, and again when it started
 * @param canaryPercent the candidate's share of callers now, 0-100
 * @param shadowRate the fraction of requests mirrored to the candidate now, 0-1
 */
public record Rollout(long id, String model, String baseline, String candidate,
    double canaryPercent, double shadowRate, RolloutPolicy policy, RolloutState state,
    Instant createdAt, Instant updatedAt) {
  public Rollout {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(state, "state");
  }

  /** {@code rollout 7 (chat-large 3 → 4)}, for messages. */
  public String describe() {
    return "rollout " + id + " (" + model + " " + baseline + " → " + candidate + ")";
  }
}
