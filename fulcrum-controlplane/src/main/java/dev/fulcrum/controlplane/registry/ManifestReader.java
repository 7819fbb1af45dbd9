package dev.fulcrum.controlplane.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a parsed manifest, collecting every problem, and builds the {@link VersionSpec} when
 * there are none. One instance per manifest; not thread-safe.
 */
final class ManifestReader {
  private static final Set<String> SCHEMA_TYPES = Set.of("object", "array", "string", "number",
      "integer", "boolean", "null");
  private final List<ManifestProblem> problems = new ArrayList<>();

  List<ManifestProblem> problems() {
    return problems;
  }

  void problem(String path, String problem, String fix) {
    problems.add(new ManifestProblem(path, problem, fix));
  }

  Optional<VersionSpec> read(JsonNode root) {
    if (root == null || !root.isObject()) {
      problem("", "must be a mapping of model, version, artifact, signature, metadata, routes",
          "start from the example in ManifestValidator's documentation");
      return Optional.empty();
    }
    allowOnly(root, "", "model", "version", "artifact", "signature", "metadata", "routes");
    String model = text(root, "model", "", "add model: NAME (the name callers use)");
    if (model != null && !VersionSpec.validModelName(model)) {
      problem("model", "'" + model + "' is not a valid model name",
          "use " + VersionSpec.MODEL_NAME_RULE);
    }
    String version = version(root);
    Artifact artifact = artifact(root);
    Signature signature = signature(root);
    VersionMetadata metadata = metadata(root);
    List<Route> routes = routes(root);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new VersionSpec(model, version, artifact, signature, metadata, routes));
  }

  private String version(JsonNode root) {
    JsonNode node = root.get("version");
    if (node == null || node.isNull()) {
      problem("version", "is missing", "add version: \"1\" (unique within the model)");
      return null;
    }
    if (node.isNumber() && !node.isIntegralNumber()) {
      problem("version", "is the number " + node.asText() + ", which YAML may round",
          "quote it: version: \"" + node.asText() + "\"");
      return null;
    }
    if (!node.isTextual() && !node.isIntegralNumber()) {
      problem("version", "must be a string", "write version: \"1\"");
      return null;
    }
    String version = node.asText();
    if (!VersionSpec.validVersionId(version)) {
      problem("version", "'" + version + "' is not a valid version id",
          "use " + VersionSpec.VERSION_ID_RULE);
      return null;
    }
    return version;
  }

  private Artifact artifact(JsonNode root) {
    JsonNode node = object(root, "artifact", "artifact", "add artifact: { uri: …, sha256: … }");
    if (node == null) {
      return null;
    }
    allowOnly(node, "artifact", "uri", "sha256");
    String uri = text(node, "uri", "artifact", "add uri: file:PATH or a remote URI");
    String sha = text(node, "sha256", "artifact", "add sha256: the artifact's 64-hex-digit "
        + "SHA-256 (sha256sum FILE)");
    if (sha != null && !Artifact.isSha256(sha)) {
      problem("artifact.sha256", "must be 64 hex digits", "paste the output of sha256sum");
      return null;
    }
    return uri == null || sha == null ? null : new Artifact(uri, sha);
  }

  private Signature signature(JsonNode root) {
    JsonNode node = object(root, "signature", "signature",
        "add signature: { input: {JSON Schema}, output: {JSON Schema} }");
    if (node == null) {
      return null;
    }
    allowOnly(node, "signature", "input", "output");
    JsonNode input = schema(node, "input");
    JsonNode output = schema(node, "output");
    return input == null || output == null ? null
        : new Signature(input.toString(), output.toString());
  }

  private JsonNode schema(JsonNode signature, String field) {
    String path = "signature." + field;
    JsonNode schema = object(signature, field, path, "add " + field + ": a JSON Schema such as "
        + "{ type: object, properties: { … } }");
    if (schema == null) {
      return null;
    }
    JsonNode type = schema.get("type");
    if (type != null && !(type.isTextual() && SCHEMA_TYPES.contains(type.asText()))
        && !(type.isArray() && allTypes(type))) {
      problem(path + ".type", "is not a JSON Schema type", "use one of " + SCHEMA_TYPES);
      return null;
    }
    return schema;
  }

  private static boolean allTypes(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isTextual() || !SCHEMA_TYPES.contains(item.asText())) {
        return false;
      }
    }
    return true;
  }

  private VersionMetadata metadata(JsonNode root) {
    JsonNode node = object(root, "metadata", "metadata",
        "add metadata: { owner: TEAM, training-data: LINEAGE }");
    if (node == null) {
      return null;
    }
    allowOnly(node, "metadata", "owner", "training-data", "metrics", "labels");
    String owner = text(node, "owner", "metadata", "add owner: the team answerable for it");
    String lineage = text(node, "training-data", "metadata", "add training-data: the data set "
        + "and snapshot it was trained on (e.g. s3://lake/churn@2025-05-01)");
    Map<String, Double> metrics = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    entries(node, "metrics", (name, value) -> {
      if (value.isNumber() && Double.isFinite(value.asDouble())) {
        metrics.put(name, value.asDouble());
      } else {
        problem("metadata.metrics." + name, "must be a number", "write " + name + ": 0.91");
      }
    });
    entries(node, "labels", (name, value) -> {
      if (value.isTextual()) {
        labels.put(name, value.asText());
      } else {
        problem("metadata.labels." + name, "must be a string", "quote it: " + name + ": \""
            + value.asText() + "\"");
      }
    });
    return owner == null || lineage == null ? null
        : new VersionMetadata(owner, lineage, metrics, labels);
  }

  private List<Route> routes(JsonNode root) {
    JsonNode node = root.get("routes");
    if (node == null || !node.isArray() || node.isEmpty()) {
      problem("routes", node == null ? "is missing" : "must be a non-empty list",
          "add routes: [ { backend: NAME, model: UPSTREAM_MODEL } ]");
      return List.of();
    }
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "routes[" + i + "]";
      JsonNode route = node.get(i);
      if (!route.isObject()) {
        problem(path, "must be a mapping", "write { backend: NAME, model: UPSTREAM_MODEL }");
        continue;
      }
      allowOnly(route, path, "backend", "model", "input-usd-per-mtok", "output-usd-per-mtok");
      String backend = text(route, "backend", path, "add backend: a backend name from "
          + "fulcrum.yaml");
      String upstream = text(route, "model", path, "add model: the model name that backend "
          + "serves");
      double in = price(route, "input-usd-per-mtok", path);
      double out = price(route, "output-usd-per-mtok", path);
      if (backend != null && upstream != null && in >= 0 && out >= 0) {
        routes.add(new Route(backend, upstream, new Price(in, out)));
      }
    }
    return routes;
  }

  private double price(JsonNode route, String field, String path) {
    JsonNode node = route.get(field);
    if (node == null) {
      return 0;
    }
    if (!node.isNumber() || !(node.asDouble() >= 0) || !Double.isFinite(node.asDouble())) {
      problem(path + "." + field, "must be a non-negative number", "write " + field + ": 0.13 "
          + "(US dollars per million tokens)");
      return -1;
    }
    return node.asDouble();
  }

  private String text(JsonNode parent, String field, String parentPath, String fix) {
    String path = parentPath.isEmpty() ? field : parentPath + "." + field;
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      problem(path, "is missing", fix);
      return null;
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      problem(path, "must be a non-empty string", fix);
      return null;
    }
    return node.asText();
  }

  private JsonNode object(JsonNode parent, String field, String path, String fix) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      problem(path, "is missing", fix);
      return null;
    }
    if (!node.isObject()) {
      problem(path, "must be a mapping", fix);
      return null;
    }
    return node;
  }

  private void entries(JsonNode parent, String field, java.util.function.BiConsumer<String,
      JsonNode> each) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      problem("metadata." + field, "must be a mapping", "write " + field + ": { name: value }");
      return;
    }
    node.fields().forEachRemaining(entry -> each.accept(entry.getKey(), entry.getValue()));
  }

  private void allowOnly(JsonNode node, String path, String... allowed) {
    Set<String> known = Set.of(allowed);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String where = path.isEmpty() ? name : path + "." + name;
        problem(where, "is not a known field", closest(name, allowed)
            .map(c -> "did you mean '" + c + "'?").orElse("remove it; known fields: "
                + String.join(", ", allowed)));
      }
    }
  }

  private static Optional<String> closest(String name, String... candidates) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : candidates) {
      int distance = distance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
