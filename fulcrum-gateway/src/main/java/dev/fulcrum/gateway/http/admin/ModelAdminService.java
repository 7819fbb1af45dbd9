package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.controlplane.publish.RoutingSnapshot;
import dev.fulcrum.controlplane.registry.AliasInterval;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.registry.ModelVersion;
import dev.fulcrum.controlplane.rollout.Rollout;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.http.admin.AdminRoutes.Reply;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Models and their versions:
 *
 * <pre>
 * GET  /admin/v1/models                                        every model, its prod and status
 * GET  /admin/v1/models/{model}                                versions with state, aliases
 * POST /admin/v1/models/{model}/versions                       register a version
 * GET  /admin/v1/models/{model}/versions                       its versions, oldest first
 * GET  /admin/v1/models/{model}/versions/{version}             one version and its history
 * POST /admin/v1/models/{model}/versions/{version}/promote     make it prod
 * POST /admin/v1/models/{model}/versions/{version}/retire      take it out of service
 * GET  /admin/v1/models/{model}/history[?version=V]            lifecycle moves, oldest first
 * GET  /admin/v1/models/{model}/served-at?alias=prod&amp;at=TIME   which version an alias served
 * </pre>
 */
final class ModelAdminService {
  private static final String MODELS = AdminApi.PREFIX + "/models";
  private static final String MODEL = MODELS + "/{model}";
  private static final String VERSION = MODEL + "/versions/{version}";

  private final AdminContext context;

  ModelAdminService(AdminContext context) {
    this.context = context;
  }

  void register(AdminRoutes routes) {
    routes.get(MODELS, request -> list());
    routes.post(VERSION + "/promote", this::promote);
    routes.post(VERSION + "/retire", this::retire);
    routes.get(VERSION, this::version);
    routes.post(MODEL + "/versions", this::registerVersion);
    routes.get(MODEL + "/versions", this::versions);
    routes.get(MODEL + "/history", this::history);
    routes.get(MODEL + "/served-at", this::servedAt);
    // last: {model} matches across slashes, so the longer paths above go first
    routes.get(MODEL, this::show);
  }

  private ModelRegistry registry() {
    return context.registry();
  }

  private Reply list() {
    RoutingSnapshot snapshot = context.snapshot().get();
    return Reply.ok(RegistryJson.list(registry().models().stream().map(model -> {
      Map<String, String> aliases = registry().aliases(model);
      ObjectNode node = Json.object().put("model", model)
          .put("prod", aliases.get(ModelRegistry.PROD))
          .put("canary", aliases.get(ModelRegistry.CANARY))
          .put("versions", registry().versions(model).size());
      return status(node, snapshot, model);
    }).toList()));
  }

  private Reply show(AdminRequest request) {
    String model = request.path("model");
    List<ModelVersion> versions = registry().versions(model);
    Map<String, String> aliases = registry().aliases(model);
    ObjectNode node = Json.object().put("model", model);
    ObjectNode aliasNode = node.putObject("aliases");
    aliases.forEach(aliasNode::put);
    status(node, context.snapshot().get(), model);
    Rollout running = context.rollouts().running().get(model);
    if (running == null) {
      node.putNull("rollout");
    } else {
      node.set("rollout", RolloutJson.summary(running));
    }
    node.putArray("versions").addAll(versions.stream()
        .map(v -> RegistryJson.version(v, aliases)).toList());
    return Reply.ok(node);
  }

  private Reply versions(AdminRequest request) {
    String model = request.path("model");
    Map<String, String> aliases = registry().aliases(model);
    return Reply.ok(RegistryJson.list(registry().versions(model).stream()
        .map(v -> RegistryJson.version(v, aliases)).toList()));
  }

  private Reply version(AdminRequest request) {
    String model = request.path("model");
    String version = request.path("version");
    ObjectNode node = RegistryJson.version(registry().show(model, version),
        registry().aliases(model));
    node.putArray("history").addAll(registry().history(model, version).stream()
        .map(RegistryJson::transition).toList());
    return Reply.ok(node);
  }

  private Reply registerVersion(AdminRequest request) {
    String model = request.path("model");
    JsonBody body = request.body();
    var change = body.change();
    ModelVersion registered = registry().register(VersionSpecReader.read(model, body), change);
    return Reply.created(RegistryJson.version(registered, Map.of()));
  }

  private Reply promote(AdminRequest request) {
    String model = request.path("model");
    String version = request.path("version");
    var change = request.body().change();
    String previous = aliasOf(model, ModelRegistry.PROD);
    ModelVersion promoted = registry().promote(model, version, change);
    ObjectNode node = RegistryJson.version(promoted, registry().aliases(model));
    return Reply.ok(node.put("replaced", previous));
  }

  private Reply retire(AdminRequest request) {
    String model = request.path("model");
    var change = request.body().change();
    ModelVersion retired = registry().retire(model, request.path("version"), change);
    return Reply.ok(RegistryJson.version(retired, registry().aliases(model)));
  }

  private Reply history(AdminRequest request) {
    String model = request.path("model");
    var moves = request.query("version").map(v -> registry().history(model, v))
        .orElseGet(() -> registry().history(model));
    return Reply.ok(RegistryJson.list(moves.stream().map(RegistryJson::transition).toList()));
  }

  private Reply servedAt(AdminRequest request) {
    String model = request.path("model");
    String alias = request.query("alias").orElse(ModelRegistry.PROD);
    Instant at = instant(request.query("at").orElseThrow(() -> new BadRequestException("at",
        "'at' is missing; send ?at=2026-11-30T12:00:00Z (ISO-8601)")));
    List<AliasInterval> intervals = registry().aliasHistory(model, alias);
    AliasInterval covering = intervals.stream().filter(i -> i.covers(at)).findFirst()
        .orElseThrow(() -> new AdminNotFoundException("alias_not_set", "at",
            notServed(model, alias, at, intervals)));
    return Reply.ok(Json.object().put("model", model).put("alias", alias)
        .put("at", RegistryJson.time(at)).put("version", covering.version())
        .set("interval", RegistryJson.interval(covering)));
  }

  private static String notServed(String model, String alias, Instant at,
      List<AliasInterval> intervals) {
    if (intervals.isEmpty()) {
      return "model " + model + " has never had an alias '" + alias + "'";
    }
    return "alias '" + alias + "' of " + model + " pointed at no version at " + at + "; it first "
        + "pointed at one at " + intervals.getFirst().validFrom()
        + (intervals.getLast().current() ? "" : " and at none since "
            + intervals.getLast().validTo());
  }

  static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        throw new BadRequestException("at", "'at' must be an ISO-8601 time such as "
            + "2026-11-30T12:00:00Z, got '" + AdminRequest.abbreviate(text) + "'");
      }
    }
  }

  private String aliasOf(String model, String alias) {
    return registry().aliases(model).get(alias);
  }

  private static ObjectNode status(ObjectNode node, RoutingSnapshot snapshot, String model) {
    var unavailable = snapshot.unavailable(model);
    if (unavailable.isPresent()) {
      return node.put("status", "unavailable").put("status_detail",
          unavailable.get().detail());
    }
    String degraded = snapshot.degraded().get(model);
    if (degraded != null) {
      return node.put("status", "degraded").put("status_detail", degraded);
    }
    return node.put("status", "serving").putNull("status_detail");
  }
}
