package dev.fulcrum.controlplane.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Judges one rollout's window against its policy. Pure apart from remembering since when all
 * guards have been healthy: no I/O, no clock (the caller passes {@code now}), so tests drive it
 * with plain values. Thread-safe.
 */
public final class RolloutEvaluator {
  private final RolloutPolicy policy;
  private Instant healthySince;

  public RolloutEvaluator(RolloutPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * @return {@link Verdict.Rollback} when any guard is breached; {@link Verdict.Promote} when all
   *     have been healthy for {@link RolloutPolicy#healthyFor()} up to {@code now}; else {@link
   *     Verdict.Hold}
   */
  public synchronized Verdict evaluate(WindowSnapshot window, Instant now) {
    List<GuardResult> results = policy.guards().stream().map(g -> g.evaluate(window, policy))
        .toList();
    List<GuardResult> breached = with(results, GuardResult.Status.BREACHED);
    if (!breached.isEmpty()) {
      healthySince = null;
      return new Verdict.Rollback(summaries(breached), results, window, now);
    }
    List<GuardResult> waiting = with(results, GuardResult.Status.INSUFFICIENT_DATA);
    if (!waiting.isEmpty()) {
      healthySince = null;
      return new Verdict.Hold("waiting: " + summaries(waiting), results, window, now);
    }
    if (healthySince == null) {
      healthySince = now;
    }
    Duration healthy = Duration.between(healthySince, now);
    if (healthy.compareTo(policy.healthyFor()) >= 0) {
      return new Verdict.Promote("healthy for " + healthy.toSeconds() + "s: "
          + summaries(results), results, window, now);
    }
    return new Verdict.Hold("healthy for " + healthy.toSeconds() + "s of "
        + policy.healthyFor().toSeconds() + "s needed", results, window, now);
  }

  private static List<GuardResult> with(List<GuardResult> results, GuardResult.Status status) {
    return results.stream().filter(r -> r.status() == status).toList();
  }

  private static String summaries(List<GuardResult> results) {
    return results.stream().map(GuardResult::summary).collect(Collectors.joining("; "));
  }
}
