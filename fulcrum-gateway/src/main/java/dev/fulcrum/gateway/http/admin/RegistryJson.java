package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.controlplane.registry.AliasInterval;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.ModelVersion;
import dev.fulcrum.controlplane.registry.VersionTransition;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.routing.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Registry values as the admin API writes them: snake_case, times in ISO-8601 UTC. */
final class RegistryJson {
  private RegistryJson() {}

  /** {@code {"object":"list","data":[…]}}. */
  static ObjectNode list(Collection<? extends JsonNode> items) {
    ObjectNode list = Json.object().put("object", "list");
    list.putArray("data").addAll(List.copyOf(items));
    return list;
  }

  /** One version, with the aliases that point at it now. */
  static ObjectNode version(ModelVersion version, Map<String, String> aliases) {
    var spec = version.spec();
    ObjectNode node = Json.object().put("model", version.model())
        .put("version", version.version()).put("id", version.id())
        .put("state", version.state().name()).put("created_at", time(version.createdAt()));
    ArrayNode pointing = node.putArray("aliases");
    aliases.entrySet().stream().filter(e -> e.getValue().equals(version.version()))
        .map(Map.Entry::getKey).sorted().forEach(pointing::add);
    node.putObject("artifact").put("uri", spec.artifact().uri())
        .put("sha256", spec.artifact().sha256());
    node.putObject("signature").<ObjectNode>set("input", parse(spec.signature().input()))
        .set("output", parse(spec.signature().output()));
    ObjectNode metadata = node.putObject("metadata").put("owner", spec.metadata().owner())
        .put("training_data", spec.metadata().trainingData());
    ObjectNode metrics = metadata.putObject("metrics");
    spec.metadata().metrics().forEach(metrics::put);
    ObjectNode labels = metadata.putObject("labels");
    spec.metadata().labels().forEach(labels::put);
    ArrayNode routes = node.putArray("routes");
    version.routes().forEach(route -> routes.add(route(route)));
    return node;
  }

  static ObjectNode route(Route route) {
    return Json.object().put("backend", route.backend()).put("model", route.upstreamModel())
        .put("input_usd_per_mtok", route.price().inputUsdPerMTok())
        .put("output_usd_per_mtok", route.price().outputUsdPerMTok());
  }

  static ObjectNode transition(VersionTransition t) {
    return change(Json.object().put("model", t.model()).put("version", t.version())
        .put("from", t.from().name()).put("to", t.to().name()), t.change())
        .put("at", time(t.at()));
  }

  static ObjectNode interval(AliasInterval interval) {
    ObjectNode node = Json.object().put("alias", interval.alias())
        .put("version", interval.version()).put("valid_from", time(interval.validFrom()));
    if (interval.current()) {
      node.putNull("valid_to");
    } else {
      node.put("valid_to", time(interval.validTo()));
    }
    return change(node, interval.assignedBy());
  }

  /** Adds {@code by} and {@code reason}. */
  static ObjectNode change(ObjectNode node, Change change) {
    return node.put("by", change.actor()).put("reason", change.reason());
  }

  static String time(Instant instant) {
    return instant.toString();
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      // signatures are stored as validated, compact JSON
      throw new UncheckedIOException(e);
    }
  }
}
