package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.controlplane.registry.Artifact;
import dev.fulcrum.controlplane.registry.Signature;
import dev.fulcrum.controlplane.registry.VersionMetadata;
import dev.fulcrum.controlplane.registry.VersionSpec;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of {@code POST /admin/v1/models/{model}/versions} into a {@link VersionSpec}:
 *
 * <pre>
 * { "version": "2",
 *   "artifact": { "uri": "hf://org/model", "sha256": "64 hex digits, optional for hosted" },
 *   "signature": { "input": {JSON Schema}, "output": {JSON Schema} },      optional: {} and {}
 *   "metadata": { "owner": "team", "training_data": "lineage", "metrics": {"auc": 0.9},
 *                 "labels": {"task": "chat"} },                        owner required
 *   "routes": [ { "backend": "sim", "model": "upstream-name",
 *                 "input_usd_per_mtok": 0.15, "output_usd_per_mtok": 0.6 } ] }
 * </pre>
 */
final class VersionSpecReader {
  private VersionSpecReader() {}

  static VersionSpec read(String model, JsonBody body) {
    body.optionalText("model").filter(named -> !named.equals(model)).ifPresent(named -> {
      throw new BadRequestException("model", "the body names model '" + named + "' but the path "
          + "names '" + model + "'; leave 'model' out of the body or make them agree");
    });
    String version = version(body);
    Artifact artifact = artifact(body.object("artifact", "\"artifact\": {\"uri\": \"…\", "
        + "\"sha256\": \"…\"}"));
    Signature signature = body.optionalObject("signature").map(VersionSpecReader::signature)
        .orElse(Signature.ANY);
    VersionMetadata metadata = metadata(body.object("metadata", "\"metadata\": {\"owner\": "
        + "\"team\"}"));
    List<Route> routes = routes(body);
    // the message names the model or version it rejects
    return valid(null, () -> new VersionSpec(model, version, artifact, signature, metadata,
        routes));
  }

  private static String version(JsonBody body) {
    JsonNode node = body.node().get("version");
    if (node != null && node.isIntegralNumber()) {
      return node.asText();
    }
    return body.text("version", "\"version\": \"2\" (unique within the model)");
  }

  private static Artifact artifact(JsonBody artifact) {
    String uri = artifact.text("uri", "the artifact's URI, e.g. \"hf://org/model\"");
    String sha = artifact.optionalText("sha256").orElse("");
    return valid(artifact.pathOf("sha256"), () -> new Artifact(uri, sha));
  }

  private static Signature signature(JsonBody signature) {
    String input = signature.optionalObject("input").map(s -> s.node().toString()).orElse("{}");
    String output = signature.optionalObject("output").map(s -> s.node().toString())
        .orElse("{}");
    return new Signature(input, output);
  }

  private static VersionMetadata metadata(JsonBody metadata) {
    String owner = metadata.text("owner", "\"owner\": \"the team answerable for it\"");
    String lineage = metadata.optionalText("training_data").orElse("");
    Map<String, Double> metrics = new LinkedHashMap<>();
    metadata.optionalObject("metrics").ifPresent(m -> m.node().fieldNames().forEachRemaining(
        name -> metrics.put(name, m.number(name, -Double.MAX_VALUE, Double.MAX_VALUE, "a number"))));
    Map<String, String> labels = new LinkedHashMap<>();
    metadata.optionalObject("labels").ifPresent(l -> l.node().fieldNames().forEachRemaining(
        name -> labels.put(name, l.text(name, "a string"))));
    return new VersionMetadata(owner, lineage, metrics, labels);
  }

  private static List<Route> routes(JsonBody body) {
    JsonNode node = body.node().get("routes");
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw new BadRequestException("routes", "'routes' must be a non-empty array such as "
          + "[{\"backend\": \"NAME\", \"model\": \"UPSTREAM_MODEL\"}]");
    }
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "routes[" + i + "]";
      if (!node.get(i).isObject()) {
        throw new BadRequestException(path, "'" + path + "' must be an object with backend and "
            + "model");
      }
      JsonBody route = JsonBody.of(node.get(i), path);
      String backend = route.text("backend", "a backend name from fulcrum.yaml");
      String upstream = route.text("model", "the model name that backend serves");
      double in = route.optionalNumber("input_usd_per_mtok", 0, Double.MAX_VALUE).orElse(0.0);
      double out = route.optionalNumber("output_usd_per_mtok", 0, Double.MAX_VALUE).orElse(0.0);
      routes.add(new Route(backend, upstream, new Price(in, out)));
    }
    return routes;
  }

  /** Turns a domain constructor's IllegalArgumentException into a 400 naming {@code field}. */
  static <T> T valid(String field, java.util.function.Supplier<T> construct) {
    try {
      return construct.get();
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(field, e.getMessage());
    }
  }
}
