package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.controlplane.killswitch.SwitchTarget;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.gateway.http.admin.AdminRoutes.Reply;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kill switches. A flip is committed and the routing table republished before the answer is
 * sent, so the next API request already sees it; it survives restarts (it lives in the store).
 *
 * <pre>
 * GET  /admin/v1/killswitch            what is switched off now
 * POST /admin/v1/killswitch            {"target": {…}, "enabled": false|true, "by", "reason"}
 * GET  /admin/v1/killswitch/history    every flip, oldest first
 * </pre>
 */
final class KillSwitchAdminService {
  private static final String PATH = AdminApi.PREFIX + "/killswitch";

  private final AdminContext context;

  KillSwitchAdminService(AdminContext context) {
    this.context = context;
  }

  void register(AdminRoutes routes) {
    routes.get(PATH, request -> Reply.ok(RegistryJson.list(context.switches().active().stream()
        .map(SwitchJson::active).toList())));
    routes.post(PATH, this::flip);
    routes.get(PATH + "/history", request -> Reply.ok(RegistryJson.list(
        context.switches().history().stream().map(SwitchJson::flip).toList())));
  }

  private Reply flip(AdminRequest request) {
    JsonBody body = request.body();
    SwitchTarget target = SwitchJson.target(body.object("target", "\"target\": {\"model\": "
        + "\"M\"} (or a version or backend)"));
    boolean enabled = body.bool("enabled", "\"enabled\": false to switch it off, true to "
        + "switch it back on");
    Change change = body.change();
    if (!enabled && target instanceof SwitchTarget.Backend backend) {
      requireRoutedBackend(backend.backend());
    }
    boolean changed = enabled ? context.switches().enable(target, change)
        : context.switches().disable(target, change);
    ObjectNode answer = Json.object().<ObjectNode>set("target", SwitchJson.target(target))
        .put("enabled", enabled).put("changed", changed);
    return Reply.ok(answer.put("message", target + (changed
        ? (enabled ? " is switched back on" : " is switched off")
        : (enabled ? " was not switched off; nothing changed"
            : " already was switched off; nothing changed"))));
  }

  /** A typo must not look like a successful switch: the backend must serve some version. */
  private void requireRoutedBackend(String backend) {
    Set<String> known = new TreeSet<>();
    for (String model : context.registry().models()) {
      context.registry().versions(model).forEach(v -> v.routes().stream().map(Route::backend)
          .forEach(known::add));
    }
    if (!known.contains(backend)) {
      throw new BadRequestException("target.backend", "no registered version routes to a "
          + "backend named '" + AdminRequest.abbreviate(backend) + "'; backends in use: "
          + String.join(", ", known));
    }
  }
}
