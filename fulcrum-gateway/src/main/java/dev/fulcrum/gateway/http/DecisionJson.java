package dev.fulcrum.gateway.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.Dropped;

/**
 * The router's decision as compact, ASCII-only JSON for the {@code x-fulcrum-decision} header:
 * the version, whether it is degraded, the chosen route and fallbacks with the numbers they were
 * ranked by, and every dropped candidate with its reason.
 */
final class DecisionJson {
  private static final ObjectWriter WRITER =
      Json.MAPPER.writer().with(JsonGenerator.Feature.ESCAPE_NON_ASCII);

  private DecisionJson() {}

  static String of(Decision.Routed decision) {
    ObjectNode root = Json.object();
    root.put("version", decision.version());
    root.put("degraded", decision.degraded());
    root.set("chosen", candidate(decision.chosen()));
    ArrayNode fallbacks = root.putArray("fallbacks");
    decision.fallbacks().forEach(c -> fallbacks.add(candidate(c)));
    ArrayNode dropped = root.putArray("dropped");
    for (Dropped d : decision.dropped()) {
      dropped.addObject().put("backend", d.backend()).put("cause", d.cause().name())
          .put("reason", d.reason());
    }
    try {
      return WRITER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a decision", e);
    }
  }

  private static ObjectNode candidate(Candidate candidate) {
    ObjectNode node = Json.object();
    node.put("backend", candidate.backend().name());
    node.put("placement", candidate.backend().placement().name());
    node.put("model", candidate.route().upstreamModel());
    node.put("estimated_cost_usd", candidate.estimatedCostUsd());
    if (candidate.latencyMicros() >= 0) {
      node.put("latency_ms", candidate.latencyMicros() / 1000.0);
    }
    return node;
  }
}
