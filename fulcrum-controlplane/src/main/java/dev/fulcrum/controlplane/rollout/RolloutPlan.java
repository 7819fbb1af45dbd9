package dev.fulcrum.controlplane.rollout;

import java.util.Objects;

/**
 * A rollout to create: move {@code model} from its {@code prod} version to {@code candidate}.
 *
 * @param canaryPercent share of callers (sticky per tenant/user) served by the candidate,
 *     0-100, to a hundredth of a percent
 * @param shadowRate fraction of requests also mirrored to the candidate, 0-1; the mirrored
 *     answer is compared, never returned
 * @param policy when to promote or roll back automatically
 */
public record RolloutPlan(String model, String candidate, double canaryPercent,
    double shadowRate, RolloutPolicy policy) {
  public RolloutPlan {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(policy, "policy");
    checkSplit(canaryPercent, shadowRate);
  }

  /** A canary taking {@code percent} of callers, with no shadow. */
  public static RolloutPlan canary(String model, String candidate, double percent,
      RolloutPolicy policy) {
    return new RolloutPlan(model, candidate, percent, 0, policy);
  }

  /** A shadow copy of {@code rate} of requests, with no canary traffic. */
  public static RolloutPlan shadow(String model, String candidate, double rate,
      RolloutPolicy policy) {
    return new RolloutPlan(model, candidate, 0, rate, policy);
  }

  static void checkSplit(double canaryPercent, double shadowRate) {
    if (!(canaryPercent >= 0 && canaryPercent <= 100)) {
      throw new IllegalArgumentException("canary percent must be within 0-100");
    }
    if (!(shadowRate >= 0 && shadowRate <= 1)) {
      throw new IllegalArgumentException("shadow rate must be within 0-1");
    }
    if (canaryPercent == 0 && shadowRate == 0) {
      throw new IllegalArgumentException("a rollout needs a canary percent or a shadow rate "
          + "above zero, or the candidate sees no traffic");
    }
  }
}
