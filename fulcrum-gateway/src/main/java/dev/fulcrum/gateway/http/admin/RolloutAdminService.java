package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.rollout.Rollout;
import dev.fulcrum.controlplane.rollout.RolloutEvent;
import dev.fulcrum.controlplane.rollout.RolloutPlan;
import dev.fulcrum.controlplane.rollout.RolloutPolicy;
import dev.fulcrum.controlplane.rollout.RolloutService;
import dev.fulcrum.controlplane.rollout.RolloutState;
import dev.fulcrum.gateway.http.admin.AdminRoutes.Reply;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Rollouts:
 *
 * <pre>
 * POST /admin/v1/rollouts                      plan and (unless "start": false) start one
 * GET  /admin/v1/rollouts[?model=M&amp;state=S]    rollouts, newest first
 * GET  /admin/v1/rollouts/{id}                 state, split, policy, window, guards, decision
 * POST /admin/v1/rollouts/{id}/start           PENDING → RUNNING
 * POST /admin/v1/rollouts/{id}/promote         RUNNING → PROMOTED (the candidate becomes prod)
 * POST /admin/v1/rollouts/{id}/rollback        RUNNING → ROLLED_BACK
 * POST /admin/v1/rollouts/{id}/abort           PENDING or RUNNING → ABORTED
 * POST /admin/v1/rollouts/{id}/split           new canary_percent and/or shadow_rate
 * GET  /admin/v1/rollouts/{id}/history         every event, oldest first
 * </pre>
 */
final class RolloutAdminService {
  private static final String ROLLOUTS = AdminApi.PREFIX + "/rollouts";
  private static final String ROLLOUT = ROLLOUTS + "/{id}";

  private final AdminContext context;

  RolloutAdminService(AdminContext context) {
    this.context = context;
  }

  void register(AdminRoutes routes) {
    routes.post(ROLLOUTS, this::create);
    routes.get(ROLLOUTS, this::list);
    routes.get(ROLLOUT, this::show);
    routes.post(ROLLOUT + "/start", move(RolloutService::start));
    routes.post(ROLLOUT + "/promote", move(RolloutService::promote));
    routes.post(ROLLOUT + "/rollback", move(RolloutService::rollback));
    routes.post(ROLLOUT + "/abort", move(RolloutService::abort));
    routes.post(ROLLOUT + "/split", this::split);
    routes.get(ROLLOUT + "/history", this::history);
  }

  private RolloutService rollouts() {
    return context.rollouts();
  }

  private Reply create(AdminRequest request) {
    JsonBody body = request.body();
    Change change = body.change();
    String model = body.text("model", "\"model\": \"chat-small\"");
    String candidate = body.node().path("candidate").isIntegralNumber()
        ? body.node().get("candidate").asText()
        : body.text("candidate", "\"candidate\": \"2\" (the version to roll out)");
    double canary = body.optionalNumber("canary_percent", 0, 100).orElse(0.0);
    double shadow = body.optionalNumber("shadow_rate", 0, 1).orElse(0.0);
    if (canary == 0 && shadow == 0) {
      throw new BadRequestException("canary_percent", "send 'canary_percent' (0-100) and/or "
          + "'shadow_rate' (0-1) above zero, or the candidate sees no traffic");
    }
    RolloutPolicy policy = body.optionalObject("policy").map(PolicyReader::read)
        .orElseGet(RolloutPolicy::defaults);
    RolloutPlan plan = new RolloutPlan(model, candidate, canary, shadow, policy);
    boolean start = body.optionalBool("start").orElse(true);
    Rollout rollout = start ? rollouts().launch(plan, change) : rollouts().create(plan, change);
    return Reply.created(detail(rollout));
  }

  private Reply list(AdminRequest request) {
    Stream<String> models = request.query("model").map(model -> {
      context.registry().aliases(model); // 404 for an unknown model
      return Stream.of(model);
    }).orElseGet(() -> context.registry().models().stream());
    var state = request.query("state").map(RolloutAdminService::state);
    List<ObjectNode> found = models.flatMap(m -> rollouts().list(m).stream())
        .filter(r -> state.isEmpty() || r.state() == state.get())
        .sorted(Comparator.comparingLong(Rollout::id).reversed())
        .map(this::withWindow).toList();
    return Reply.ok(RegistryJson.list(found));
  }

  private Reply show(AdminRequest request) {
    return Reply.ok(detail(rollouts().get(request.id("id"))));
  }

  private Reply split(AdminRequest request) {
    long id = request.id("id");
    JsonBody body = request.body();
    Change change = body.change();
    Rollout current = rollouts().get(id);
    if (!body.has("canary_percent") && !body.has("shadow_rate")) {
      throw new BadRequestException("canary_percent", "send 'canary_percent' (0-100) and/or "
          + "'shadow_rate' (0-1)");
    }
    double canary = body.optionalNumber("canary_percent", 0, 100)
        .orElse(current.canaryPercent());
    double shadow = body.optionalNumber("shadow_rate", 0, 1).orElse(current.shadowRate());
    return Reply.ok(detail(rollouts().setSplit(id, canary, shadow, change)));
  }

  private Reply history(AdminRequest request) {
    List<RolloutEvent> events = rollouts().history(request.id("id"));
    return Reply.ok(RegistryJson.list(events.stream().map(RolloutJson::event).toList()));
  }

  /** A lifecycle move of one rollout. */
  @FunctionalInterface
  private interface Move {
    Rollout apply(RolloutService service, long id, Change change);
  }

  private AdminRoutes.Endpoint move(Move move) {
    return request -> {
      long id = request.id("id");
      Change change = request.body().change();
      return Reply.ok(detail(move.apply(rollouts(), id, change)));
    };
  }

  /** The rollout with its window and guards now and the last decision the policy took. */
  private ObjectNode detail(Rollout rollout) {
    ObjectNode node = RolloutJson.full(rollout);
    var window = rollouts().window(rollout.id());
    if (window.isPresent()) {
      node.set("window", RolloutJson.window(window.get()));
      node.set("guards", RolloutJson.guards(rollout.policy().guards().stream()
          .map(g -> g.evaluate(window.get(), rollout.policy())).toList()));
    } else {
      node.putNull("window");
      node.putArray("guards");
    }
    rollouts().history(rollout.id()).stream()
        .filter(RolloutEvent.Decision.class::isInstance).reduce((first, second) -> second)
        .ifPresentOrElse(d -> node.set("last_decision", RolloutJson.event(d)),
            () -> node.putNull("last_decision"));
    return node;
  }

  private ObjectNode withWindow(Rollout rollout) {
    ObjectNode node = RolloutJson.summary(rollout);
    rollouts().window(rollout.id()).ifPresentOrElse(
        w -> node.set("window", RolloutJson.window(w)), () -> node.putNull("window"));
    return node;
  }

  private static RolloutState state(String text) {
    try {
      return RolloutState.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("state", "'state' must be one of " + List.of(
          RolloutState.values()) + ", got '" + AdminRequest.abbreviate(text) + "'");
    }
  }
}
