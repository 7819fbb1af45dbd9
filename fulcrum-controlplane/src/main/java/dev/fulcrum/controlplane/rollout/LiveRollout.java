package dev.fulcrum.controlplane.rollout;

import java.time.Duration;
import java.time.Instant;

/**
 * A running rollout as this replica watches it: its windows, its evaluator (which remembers
 * since when it has been healthy), and the kind of the last verdict recorded without being
 * applied, so a policy that leaves decisions to a person records each one once.
 */
final class LiveRollout {
  /** A pair agrees at this similarity when the policy has no shadow-agreement guard. */
  static final double DEFAULT_AGREEMENT_SIMILARITY = 0.9;

  private final Rollout rollout;
  private final RolloutWindows windows;
  private final RolloutEvaluator evaluator;
  private final double agreementSimilarity;
  private volatile String lastUnapplied = "";

  LiveRollout(Rollout rollout) {
    this.rollout = rollout;
    this.windows = new RolloutWindows(rollout.policy());
    this.evaluator = new RolloutEvaluator(rollout.policy());
    this.agreementSimilarity = rollout.policy().agreementSimilarity()
        .orElse(DEFAULT_AGREEMENT_SIMILARITY);
  }

  Rollout rollout() {
    return rollout;
  }

  void observe(String version, Instant at, Duration latency, boolean success) {
    if (version.equals(rollout.candidate())) {
      windows.request(true, at, latency, success);
    } else if (version.equals(rollout.baseline())) {
      windows.request(false, at, latency, success);
    }
  }

  /** @return whether the pair belongs to this rollout (and was counted) */
  boolean observeShadow(ShadowPair pair, Instant at) {
    if (!pair.shadowVersion().equals(rollout.candidate())) {
      return false;
    }
    windows.pair(at, pair.agrees(agreementSimilarity), pair.shadowFailed());
    windows.request(true, at, pair.shadowLatency(), !pair.shadowFailed());
    return true;
  }

  WindowSnapshot window(Instant now) {
    return windows.snapshot(now);
  }

  Verdict evaluate(Instant now) {
    return evaluator.evaluate(windows.snapshot(now), now);
  }

  /** Whether an unapplied verdict of this kind is new (and remembers it). */
  boolean firstUnapplied(String kind) {
    if (kind.equals(lastUnapplied)) {
      return false;
    }
    lastUnapplied = kind;
    return true;
  }
}
