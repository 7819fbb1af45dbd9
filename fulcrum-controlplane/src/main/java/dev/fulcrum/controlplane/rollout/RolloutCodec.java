package dev.fulcrum.controlplane.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Policies and verdicts as the JSON stored with rollouts; NaN is stored as null. */
final class RolloutCodec {
  private RolloutCodec() {}

  static String policy(RolloutPolicy policy) {
    ObjectNode node = Json.object();
    ArrayNode guards = node.putArray("guards");
    for (Guard guard : policy.guards()) {
      ObjectNode g = guards.addObject().put("type", guard.name());
      switch (guard) {
        case Guard.ErrorRate e -> g.put("max", e.max());
        case Guard.P95Latency p -> g.put("max_ms", p.max().toMillis());
        case Guard.ShadowAgreement s -> g.put("min", s.minAgreement())
            .put("similarity", s.similarity());
      }
    }
    return node.put("window_ms", policy.window().toMillis())
        .put("buckets", policy.buckets())
        .put("min_samples", policy.minSamples())
        .put("min_samples_to_breach", policy.minSamplesToBreach())
        .put("healthy_for_ms", policy.healthyFor().toMillis())
        .put("auto_promote", policy.autoPromote())
        .put("auto_rollback", policy.autoRollback())
        .toString();
  }

  static RolloutPolicy policy(String json) {
    JsonNode node = read(json);
    List<Guard> guards = new ArrayList<>();
    for (JsonNode g : node.path("guards")) {
      guards.add(switch (g.path("type").asText()) {
        case "error_rate" -> new Guard.ErrorRate(g.path("max").asDouble());
        case "p95_latency_ms" -> new Guard.P95Latency(Duration.ofMillis(g.path("max_ms")
            .asLong()));
        case "shadow_agreement" -> new Guard.ShadowAgreement(g.path("min").asDouble(),
            g.path("similarity").asDouble());
        default -> throw new IllegalStateException("unknown guard type in the store");
      });
    }
    return new RolloutPolicy(guards, Duration.ofMillis(node.path("window_ms").asLong()),
        node.path("buckets").asInt(), node.path("min_samples").asLong(),
        node.path("min_samples_to_breach").asLong(),
        Duration.ofMillis(node.path("healthy_for_ms").asLong()),
        node.path("auto_promote").asBoolean(), node.path("auto_rollback").asBoolean());
  }

  static String verdict(Verdict verdict) {
    ObjectNode node = Json.object().put("kind", kind(verdict)).put("reason", verdict.reason())
        .put("at", verdict.at().toEpochMilli());
    ArrayNode results = node.putArray("results");
    for (GuardResult r : verdict.results()) {
      ObjectNode row = results.addObject().put("guard", r.guard())
          .put("status", r.status().name()).put("samples", r.samples())
          .put("summary", r.summary());
      number(row, "value", r.value());
      number(row, "limit", r.limit());
    }
    WindowSnapshot w = verdict.window();
    ObjectNode window = node.putObject("window").put("ms", w.window().toMillis());
    stats(window.putObject("baseline"), w.baseline());
    stats(window.putObject("candidate"), w.candidate());
    window.putObject("shadow").put("pairs", w.shadow().pairs()).put("agreed", w.shadow().agreed())
        .put("shadow_errors", w.shadow().shadowErrors());
    return node.toString();
  }

  static Verdict verdict(String json) {
    JsonNode node = read(json);
    List<GuardResult> results = new ArrayList<>();
    for (JsonNode r : node.path("results")) {
      results.add(new GuardResult(r.path("guard").asText(),
          GuardResult.Status.valueOf(r.path("status").asText()), number(r, "value"),
          number(r, "limit"), r.path("samples").asLong(), r.path("summary").asText()));
    }
    JsonNode w = node.path("window");
    JsonNode s = w.path("shadow");
    WindowSnapshot window = new WindowSnapshot(Duration.ofMillis(w.path("ms").asLong()),
        stats(w.path("baseline")), stats(w.path("candidate")), new ShadowStats(
            s.path("pairs").asLong(), s.path("agreed").asLong(), s.path("shadow_errors")
            .asLong()));
    String reason = node.path("reason").asText();
    Instant at = Instant.ofEpochMilli(node.path("at").asLong());
    return switch (node.path("kind").asText()) {
      case "PROMOTE" -> new Verdict.Promote(reason, results, window, at);
      case "ROLLBACK" -> new Verdict.Rollback(reason, results, window, at);
      default -> new Verdict.Hold(reason, results, window, at);
    };
  }

  static String kind(Verdict verdict) {
    return switch (verdict) {
      case Verdict.Promote p -> "PROMOTE";
      case Verdict.Rollback r -> "ROLLBACK";
      case Verdict.Hold h -> "HOLD";
    };
  }

  private static void stats(ObjectNode node, VersionStats stats) {
    node.put("requests", stats.requests()).put("errors", stats.errors());
    number(node, "p95_ms", stats.p95Millis());
  }

  private static VersionStats stats(JsonNode node) {
    return new VersionStats(node.path("requests").asLong(), node.path("errors").asLong(),
        number(node, "p95_ms"));
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  private static double number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? value.asDouble() : Double.NaN;
  }

  private static JsonNode read(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("rollout column holds invalid JSON", e);
    }
  }
}
