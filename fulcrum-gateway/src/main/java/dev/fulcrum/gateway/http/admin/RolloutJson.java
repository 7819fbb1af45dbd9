package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.controlplane.rollout.Guard;
import dev.fulcrum.controlplane.rollout.GuardResult;
import dev.fulcrum.controlplane.rollout.Rollout;
import dev.fulcrum.controlplane.rollout.RolloutEvent;
import dev.fulcrum.controlplane.rollout.RolloutPolicy;
import dev.fulcrum.controlplane.rollout.Verdict;
import dev.fulcrum.controlplane.rollout.VersionStats;
import dev.fulcrum.controlplane.rollout.WindowSnapshot;
import dev.fulcrum.core.json.Json;
import java.util.List;

/** Rollouts as the admin API writes them; numbers without data (NaN) are {@code null}. */
final class RolloutJson {
  private RolloutJson() {}

  /** Who, what, where it is and its split. */
  static ObjectNode summary(Rollout rollout) {
    return Json.object().put("id", rollout.id()).put("model", rollout.model())
        .put("baseline", rollout.baseline()).put("candidate", rollout.candidate())
        .put("state", rollout.state().name()).put("canary_percent", rollout.canaryPercent())
        .put("shadow_rate", rollout.shadowRate())
        .put("created_at", RegistryJson.time(rollout.createdAt()))
        .put("updated_at", RegistryJson.time(rollout.updatedAt()));
  }

  /** The summary and the policy. */
  static ObjectNode full(Rollout rollout) {
    return summary(rollout).set("policy", policy(rollout.policy()));
  }

  static ObjectNode policy(RolloutPolicy policy) {
    ObjectNode node = Json.object();
    ObjectNode guards = node.putObject("guards");
    for (Guard guard : policy.guards()) {
      switch (guard) {
        case Guard.ErrorRate e -> guards.put("error_rate", e.max());
        case Guard.P95Latency p -> guards.put("p95_latency_ms", p.max().toMillis());
        case Guard.ShadowAgreement s -> guards.putObject("shadow_agreement")
            .put("min", s.minAgreement()).put("similarity", s.similarity());
      }
    }
    return node.put("window", Durations.format(policy.window()))
        .put("buckets", policy.buckets()).put("min_samples", policy.minSamples())
        .put("min_samples_to_breach", policy.minSamplesToBreach())
        .put("healthy_for", Durations.format(policy.healthyFor()))
        .put("auto_promote", policy.autoPromote()).put("auto_rollback", policy.autoRollback());
  }

  static ObjectNode window(WindowSnapshot window) {
    ObjectNode node = Json.object().put("span", Durations.format(window.window()));
    node.set("baseline", stats(window.baseline()));
    node.set("candidate", stats(window.candidate()));
    ObjectNode shadow = node.putObject("shadow").put("pairs", window.shadow().pairs())
        .put("agreed", window.shadow().agreed());
    number(shadow, "agreement", window.shadow().agreement());
    shadow.put("shadow_errors", window.shadow().shadowErrors());
    return node;
  }

  static ObjectNode stats(VersionStats stats) {
    ObjectNode node = Json.object().put("requests", stats.requests())
        .put("errors", stats.errors());
    number(node, "error_rate", stats.errorRate());
    return number(node, "p95_ms", stats.p95Millis());
  }

  static ArrayNode guards(List<GuardResult> results) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (GuardResult r : results) {
      ObjectNode row = array.addObject().put("guard", r.guard()).put("status", r.status().name());
      number(row, "value", r.value());
      number(row, "limit", r.limit());
      row.put("samples", r.samples()).put("summary", r.summary());
    }
    return array;
  }

  static ObjectNode event(RolloutEvent event) {
    ObjectNode node = Json.object().put("rollout_id", event.rolloutId())
        .put("model", event.model()).put("at", RegistryJson.time(event.at()));
    switch (event) {
      case RolloutEvent.Created c -> node.put("type", "created")
          .put("candidate", c.candidate()).put("canary_percent", c.canaryPercent())
          .put("shadow_rate", c.shadowRate());
      case RolloutEvent.Transition t -> node.put("type", "transition")
          .put("from", t.from().name()).put("to", t.to().name());
      case RolloutEvent.SplitChanged s -> node.put("type", "split_changed")
          .put("canary_percent", s.canaryPercent()).put("shadow_rate", s.shadowRate());
      case RolloutEvent.Decision d -> node.put("type", "decision")
          .put("verdict", kind(d.verdict())).put("applied", d.applied())
          .put("verdict_reason", d.verdict().reason())
          .<ObjectNode>set("guards", guards(d.verdict().results()))
          .set("window", window(d.verdict().window()));
    }
    return RegistryJson.change(node, event.change());
  }

  static String kind(Verdict verdict) {
    return switch (verdict) {
      case Verdict.Hold h -> "HOLD";
      case Verdict.Promote p -> "PROMOTE";
      case Verdict.Rollback r -> "ROLLBACK";
    };
  }

  private static ObjectNode number(ObjectNode node, String field, double value) {
    return Double.isFinite(value) ? node.put(field, value) : node.putNull(field);
  }
}
