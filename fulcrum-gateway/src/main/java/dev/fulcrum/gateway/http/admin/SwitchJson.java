package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.controlplane.killswitch.ActiveSwitch;
import dev.fulcrum.controlplane.killswitch.SwitchChange;
import dev.fulcrum.controlplane.killswitch.SwitchTarget;
import dev.fulcrum.core.json.Json;
import java.util.List;

/**
 * Kill-switch targets and flips in the admin API's JSON. A target is exactly one of {@code
 * {"version": {"model": "m", "version": "2"}}} (or {@code {"version": "m@2"}}), {@code
 * {"model": "m"}} or {@code {"backend": "b"}}.
 */
final class SwitchJson {
  private static final List<String> KINDS = List.of("version", "model", "backend");
  private static final String EXAMPLE = "{\"version\": {\"model\": \"M\", \"version\": \"V\"}}, "
      + "{\"model\": \"M\"} or {\"backend\": \"B\"}";

  private SwitchJson() {}

  static SwitchTarget target(JsonBody target) {
    List<String> given = KINDS.stream().filter(target::has).toList();
    if (given.size() != 1 || target.node().size() != 1) {
      throw new BadRequestException(target.path(), "'" + target.path() + "' must name exactly "
          + "one thing to switch: " + EXAMPLE);
    }
    return switch (given.getFirst()) {
      case "model" -> SwitchTarget.model(target.text("model", "a model name"));
      case "backend" -> SwitchTarget.backend(target.text("backend", "a backend name"));
      default -> version(target);
    };
  }

  private static SwitchTarget version(JsonBody target) {
    JsonNode node = target.node().get("version");
    if (node.isTextual() && node.asText().lastIndexOf('@') > 0) {
      String id = node.asText();
      int at = id.lastIndexOf('@');
      return SwitchTarget.version(id.substring(0, at), id.substring(at + 1));
    }
    JsonBody version = target.optionalObject("version").orElseThrow();
    String versionId = version.node().path("version").isIntegralNumber()
        ? version.node().get("version").asText() : version.text("version", "\"version\": \"2\"");
    return SwitchTarget.version(version.text("model", "\"model\": \"M\""), versionId);
  }

  static ObjectNode target(SwitchTarget target) {
    ObjectNode node = Json.object();
    switch (target) {
      case SwitchTarget.Version v -> node.putObject("version").put("model", v.model())
          .put("version", v.version());
      case SwitchTarget.Model m -> node.put("model", m.model());
      case SwitchTarget.Backend b -> node.put("backend", b.backend());
    }
    return node;
  }

  static ObjectNode active(ActiveSwitch active) {
    ObjectNode node = Json.object().set("target", target(active.target()));
    return RegistryJson.change(node, active.change())
        .put("since", RegistryJson.time(active.since()));
  }

  static ObjectNode flip(SwitchChange change) {
    ObjectNode node = Json.object().<ObjectNode>set("target", target(change.target()))
        .put("enabled", !change.disabled());
    return RegistryJson.change(node, change.change()).put("at", RegistryJson.time(change.at()));
  }
}
