package dev.fulcrum.gateway.http.admin;

import dev.fulcrum.controlplane.rollout.Guard;
import dev.fulcrum.controlplane.rollout.RolloutPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a rollout's {@code policy} object; every field is optional and defaults to {@link
 * RolloutPolicy#defaults()}:
 *
 * <pre>
 * { "guards": { "error_rate": 0.05, "p95_latency_ms": 2000,
 *               "shadow_agreement": { "min": 0.9, "similarity": 0.8 } },
 *   "window": "5m", "buckets": 10, "min_samples": 200, "min_samples_to_breach": 50,
 *   "healthy_for": "10m", "auto_promote": true, "auto_rollback": true }
 * </pre>
 *
 * {@code guards}, when present, lists every guard the rollout uses. {@code
 * min_samples_to_breach} defaults to the smaller of 50 and {@code min_samples}, so a policy
 * that promotes on few samples also rolls back on few.
 */
final class PolicyReader {
  private PolicyReader() {}

  static RolloutPolicy read(JsonBody policy) {
    RolloutPolicy defaults = RolloutPolicy.defaults();
    List<Guard> guards = policy.optionalObject("guards").map(PolicyReader::guards)
        .orElse(defaults.guards());
    Duration window = policy.optionalDuration("window").orElse(defaults.window());
    int buckets = policy.optionalInteger("buckets", 2, 600).map(Long::intValue)
        .orElse(defaults.buckets());
    long minSamples = policy.optionalInteger("min_samples", 1, Long.MAX_VALUE)
        .orElse(defaults.minSamples());
    long toBreach = policy.optionalInteger("min_samples_to_breach", 1, Long.MAX_VALUE)
        .orElse(Math.min(defaults.minSamplesToBreach(), minSamples));
    Duration healthyFor = policy.optionalDuration("healthy_for").orElse(defaults.healthyFor());
    boolean autoPromote = policy.optionalBool("auto_promote").orElse(defaults.autoPromote());
    boolean autoRollback = policy.optionalBool("auto_rollback").orElse(defaults.autoRollback());
    return VersionSpecReader.valid(policy.path(), () -> new RolloutPolicy(guards,
        window, buckets, minSamples, toBreach, healthyFor, autoPromote, autoRollback));
  }

  private static List<Guard> guards(JsonBody guards) {
    List<Guard> list = new ArrayList<>();
    guards.optionalNumber("error_rate", 0, 1).ifPresent(max -> list.add(new Guard.ErrorRate(max)));
    guards.optionalInteger("p95_latency_ms", 1, Long.MAX_VALUE).ifPresent(ms ->
        list.add(new Guard.P95Latency(Duration.ofMillis(ms))));
    guards.optionalObject("shadow_agreement").ifPresent(agreement -> list.add(
        new Guard.ShadowAgreement(agreement.number("min", 0, 1, "\"min\": 0.9 (share of "
            + "pairs that must agree)"), agreement.optionalNumber("similarity", -1, 1)
            .orElse(0.9))));
    guards.node().fieldNames().forEachRemaining(name -> {
      if (!List.of("error_rate", "p95_latency_ms", "shadow_agreement").contains(name)) {
        throw new BadRequestException(guards.pathOf(name), "'" + guards.pathOf(name) + "' is "
            + "not a guard; guards are error_rate, p95_latency_ms and shadow_agreement");
      }
    });
    if (list.isEmpty()) {
      throw new BadRequestException(guards.path(), "'" + guards.path() + "' needs at least one of "
          + "error_rate, p95_latency_ms, shadow_agreement");
    }
    return list;
  }
}
