package dev.fulcrum.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.NotFoundException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.routing.VersionRoutes;
import dev.fulcrum.dataplane.routing.BackendView;
import dev.fulcrum.dataplane.split.SplitPolicy;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}}: the aliases callers may use. Each
 * entry also carries a {@code fulcrum} object naming its backends and whether any is simulated;
 * a split model's names its split policy instead.
 */
final class ModelsService {
  private final Supplier<RoutingTable> routing;
  private final BackendView backends;
  private final Map<String, SplitPolicy> splits;
  private final long created;

  ModelsService(Supplier<RoutingTable> routing, Map<String, SplitPolicy> splits,
      BackendView backends, long createdEpochSeconds) {
    this.routing = routing;
    this.splits = splits;
    this.backends = backends;
    this.created = createdEpochSeconds;
  }

  void register(Router router, GatewayRoutes.Guards guards) {
    guards.get(router, "/v1/models", Scope.MODELS).handler(this::list);
    guards.get(router, "/v1/models/:model", Scope.MODELS).handler(this::retrieve);
  }

  private void list(RoutingContext ctx) {
    ObjectNode root = Json.object();
    root.put("object", "list");
    var data = root.putArray("data");
    routing.get().models().forEach(model -> data.add(entry(model)));
    splits.forEach((alias, policy) -> data.add(entry(alias, policy)));
    Exchange.json(ctx, root);
  }

  private void retrieve(RoutingContext ctx) {
    String id = ctx.pathParam("model");
    SplitPolicy split = splits.get(id);
    if (split != null) {
      Exchange.json(ctx, entry(id, split));
      return;
    }
    ModelRoutes model = routing.get().lookup(id).orElseThrow(() -> new NotFoundException(
        "model '" + id + "' does not exist; GET /v1/models lists the models", "model_not_found"));
    Exchange.json(ctx, entry(model));
  }

  private ObjectNode entry(String alias, SplitPolicy policy) {
    ObjectNode entry = base(alias);
    entry.put("owned_by", "fulcrum");
    ObjectNode split = entry.putObject("fulcrum").putObject("split");
    split.put("simple", policy.simple());
    split.put("complex", policy.complex());
    split.put("min_confidence", policy.minConfidence());
    ObjectNode byIntent = split.putObject("by_intent");
    policy.byIntent().forEach((intent, target) -> byIntent.put(intent.name(), target));
    return entry;
  }

  private ObjectNode base(String id) {
    ObjectNode entry = Json.object();
    entry.put("id", id);
    entry.put("object", "model");
    entry.put("created", created);
    return entry;
  }

  private ObjectNode entry(ModelRoutes model) {
    ObjectNode entry = base(model.alias());
    boolean simulated = false;
    ObjectNode fulcrum = Json.object();
    var versions = fulcrum.putArray("versions");
    for (VersionRoutes version : model.versions()) {
      ObjectNode versionNode = versions.addObject();
      versionNode.put("version", version.version());
      versionNode.put("weight", version.weight());
      var routes = versionNode.putArray("routes");
      for (Route route : version.routes()) {
        ObjectNode item = routes.addObject();
        item.put("backend", route.backend());
        item.put("model", route.upstreamModel());
        var info = backends.info(route.backend());
        info.ifPresent(b -> item.put("placement", b.placement().name())
            .put("kind", b.kind()).put("simulated", b.simulated()));
        simulated |= info.map(b -> b.simulated()).orElse(false);
      }
    }
    fulcrum.put("simulated", simulated);
    entry.put("owned_by", simulated ? "fulcrum (simulated backend)" : "fulcrum");
    entry.set("fulcrum", fulcrum);
    return entry;
  }
}
