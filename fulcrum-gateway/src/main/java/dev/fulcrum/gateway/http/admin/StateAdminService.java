package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.gateway.http.admin.AdminRoutes.Reply;

/**
 * {@code GET /admin/v1/state}: the routing state this gateway publishes to its data plane now,
 * for a quick look: revision, routable models with their version weights, switched-off
 * backends, unavailable and degraded models.
 */
final class StateAdminService {
  private final AdminContext context;

  StateAdminService(AdminContext context) {
    this.context = context;
  }

  void register(AdminRoutes routes) {
    routes.get(AdminApi.PREFIX + "/state", request -> Reply.ok(state()));
  }

  private ObjectNode state() {
    var snapshot = context.snapshot().get();
    ObjectNode body = Json.object().put("revision", snapshot.revision());
    var models = body.putArray("models");
    for (ModelRoutes model : snapshot.table().models()) {
      ObjectNode node = models.addObject().put("model", model.alias());
      var versions = node.putArray("versions");
      model.versions().forEach(v -> versions.addObject().put("version", v.version())
          .put("weight_bp", v.weight()));
      var shadows = node.putArray("shadows");
      model.shadows().forEach(s -> shadows.addObject().put("version", s.target().version())
          .put("rate", s.sampleRate()));
    }
    var backends = body.putArray("disabled_backends");
    snapshot.table().disabledBackends().stream().sorted().forEach(backends::add);
    ObjectNode unavailable = body.putObject("unavailable");
    snapshot.unavailable().forEach((model, why) -> unavailable.put(model, why.detail()));
    ObjectNode degraded = body.putObject("degraded");
    snapshot.degraded().forEach(degraded::put);
    return body;
  }
}
