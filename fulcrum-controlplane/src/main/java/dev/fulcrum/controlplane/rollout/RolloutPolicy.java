package dev.fulcrum.controlplane.rollout;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When a running rollout is promoted or rolled back automatically.
 *
 * <p>Any guard BREACHED → roll back at once. Every guard HEALTHY, continuously for {@code
 * healthyFor} → promote. Otherwise hold. Guards judge a sliding window of {@code window},
 * kept in {@code buckets} buckets (a bucket expires whole, so the window's span varies by one
 * bucket).
 *
 * @param guards what must hold; at least one
 * @param window how far back the guards look
 * @param buckets how many buckets the window is cut into (2-600)
 * @param minSamples samples every guard needs before it can be HEALTHY (so before promotion)
 * @param minSamplesToBreach samples a guard needs before it can be BREACHED; smaller than
 *     {@code minSamples} so a clearly broken candidate is pulled quickly
 * @param healthyFor how long all guards must stay healthy before promotion
 * @param autoPromote act on a Promote verdict (false: only record it, a person promotes)
 * @param autoRollback act on a Rollback verdict
 */
public record RolloutPolicy(List<Guard> guards, Duration window, int buckets, long minSamples,
    long minSamplesToBreach, Duration healthyFor, boolean autoPromote, boolean autoRollback) {

  public RolloutPolicy {
    guards = List.copyOf(guards);
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(healthyFor, "healthyFor");
    if (guards.isEmpty()) {
      throw new IllegalArgumentException("a rollout policy needs at least one guard");
    }
    if (guards.stream().map(Guard::name).distinct().count() != guards.size()) {
      throw new IllegalArgumentException("each guard kind may appear once in a policy");
    }
    if (buckets < 2 || buckets > 600) {
      throw new IllegalArgumentException("window buckets must be within 2-600");
    }
    if (window.toMillis() < buckets) {
      throw new IllegalArgumentException("window must be at least one millisecond per bucket");
    }
    if (minSamples < 1 || minSamplesToBreach < 1) {
      throw new IllegalArgumentException("sample minimums must be at least 1");
    }
    if (healthyFor.isNegative()) {
      throw new IllegalArgumentException("healthyFor must not be negative");
    }
  }

  /**
   * Error rate ≤ 5%, p95 ≤ 2 s, over a 5-minute window of 10 buckets; 200 samples to promote,
   * 50 to roll back; healthy for 10 minutes; acts automatically both ways.
   */
  public static RolloutPolicy defaults() {
    return new RolloutPolicy(List.of(new Guard.ErrorRate(0.05),
        new Guard.P95Latency(Duration.ofSeconds(2))), Duration.ofMinutes(5), 10, 200, 50,
        Duration.ofMinutes(10), true, true);
  }

  /** This policy with other guards. */
  public RolloutPolicy withGuards(Guard... replacement) {
    return new RolloutPolicy(List.of(replacement), window, buckets, minSamples,
        minSamplesToBreach, healthyFor, autoPromote, autoRollback);
  }

  /** The shadow-agreement guard's similarity threshold, when the policy has that guard. */
  java.util.OptionalDouble agreementSimilarity() {
    return guards.stream().filter(Guard.ShadowAgreement.class::isInstance)
        .mapToDouble(g -> ((Guard.ShadowAgreement) g).similarity()).findFirst();
  }
}
