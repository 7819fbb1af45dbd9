package dev.fulcrum.controlplane.rollout;

import java.time.Duration;
import java.util.Objects;

/**
 * A health condition the candidate must meet, evaluated over the rollout's sliding window. A
 * guard is BREACHED (roll back) once it has {@link RolloutPolicy#minSamplesToBreach()} samples
 * and its value is on the wrong side of its limit; HEALTHY once it has {@link
 * RolloutPolicy#minSamples()} samples on the right side; otherwise it has INSUFFICIENT data.
 */
public sealed interface Guard {

  /** A short stable name for results and stored decisions. */
  String name();

  /** Judges {@code window} under {@code policy}'s sample minimums. */
  GuardResult evaluate(WindowSnapshot window, RolloutPolicy policy);

  /** The candidate's error rate (errors / requests) must stay at or below {@code max}. */
  record ErrorRate(double max) implements Guard {
    public ErrorRate {
      if (!(max >= 0 && max <= 1)) {
        throw new IllegalArgumentException("error-rate limit must be within [0, 1]");
      }
    }

    @Override
    public String name() {
      return "error_rate";
    }

    @Override
    public GuardResult evaluate(WindowSnapshot window, RolloutPolicy policy) {
      VersionStats candidate = window.candidate();
      return GuardResult.judge(name(), candidate.errorRate(), max, candidate.requests(),
          candidate.errorRate() > max, policy, "requests");
    }
  }

  /** The candidate's 95th-percentile latency must stay at or below {@code max}. */
  record P95Latency(Duration max) implements Guard {
    public P95Latency {
      Objects.requireNonNull(max, "max");
      if (max.isNegative() || max.isZero()) {
        throw new IllegalArgumentException("p95 latency limit must be positive");
      }
    }

    @Override
    public String name() {
      return "p95_latency_ms";
    }

    @Override
    public GuardResult evaluate(WindowSnapshot window, RolloutPolicy policy) {
      VersionStats candidate = window.candidate();
      double p95 = candidate.p95Millis();
      return GuardResult.judge(name(), p95, max.toMillis(), candidate.requests(),
          p95 > max.toMillis(), policy, "requests");
    }
  }

  /**
   * At least {@code minAgreement} of shadow pairs must agree. A pair agrees when both sides
   * answered and the similarity of their outputs (e.g. embedding cosine, computed elsewhere) is
   * at least {@code similarity}.
   */
  record ShadowAgreement(double minAgreement, double similarity) implements Guard {
    public ShadowAgreement {
      if (!(minAgreement >= 0 && minAgreement <= 1)) {
        throw new IllegalArgumentException("minimum agreement must be within [0, 1]");
      }
      if (!(similarity >= -1 && similarity <= 1)) {
        throw new IllegalArgumentException("agreement similarity must be within [-1, 1]");
      }
    }

    @Override
    public String name() {
      return "shadow_agreement";
    }

    @Override
    public GuardResult evaluate(WindowSnapshot window, RolloutPolicy policy) {
      ShadowStats shadow = window.shadow();
      return GuardResult.judge(name(), shadow.agreement(), minAgreement, shadow.pairs(),
          shadow.agreement() < minAgreement, policy, "shadow pairs");
    }
  }
}
