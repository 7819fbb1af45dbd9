package dev.fulcrum.controlplane.rollout;

import java.time.Duration;
import java.util.Objects;

/**
 * What a rollout's sliding window holds at one instant: the numbers guards judge.
 *
 * @param window the span covered
 * @param baseline the stable version's requests, for comparison
 * @param candidate the candidate's requests (canary traffic, plus shadow answers)
 * @param shadow the shadow pairs
 */
public record WindowSnapshot(Duration window, VersionStats baseline, VersionStats candidate,
    ShadowStats shadow) {
  public WindowSnapshot {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(shadow, "shadow");
  }
}
