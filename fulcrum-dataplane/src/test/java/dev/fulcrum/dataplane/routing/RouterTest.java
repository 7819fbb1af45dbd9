package dev.fulcrum.dataplane.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Capability;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingPolicy;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.routing.VersionRoutes;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.health.BreakerState;
import dev.fulcrum.dataplane.health.HealthSnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private final Router router = new Router();

  /** A hand-built view: backend → placement, capabilities and health. */
  static final class View implements BackendView {
    final Map<String, Placement> placements = new HashMap<>();
    final Map<String, Set<Capability>> capabilities = new HashMap<>();
    final Map<String, HealthSnapshot> health = new HashMap<>();

    View add(String name, Placement placement, Capability... caps) {
      placements.put(name, placement);
      capabilities.put(name, Set.of(caps));
      return this;
    }

    View health(String name, long latencyMicros) {
      health.put(name, new HealthSnapshot(name, BreakerState.CLOSED, latencyMicros, 0, 0,
          Instant.EPOCH, ""));
      return this;
    }

    View open(String name, Instant until) {
      health.put(name, new HealthSnapshot(name, BreakerState.OPEN, -1, 1, 0, until,
          "circuit open after 80% failed calls"));
      return this;
    }

    @Override
    public Optional<BackendInfo> info(String name) {
      Placement placement = placements.get(name);
      return placement == null ? Optional.empty()
          : Optional.of(new BackendInfo(name, "fake", placement, false, false));
    }

    @Override
    public Set<Capability> capabilities(String name) {
      return capabilities.getOrDefault(name, Set.of());
    }

    @Override
    public HealthSnapshot health(String name) {
      return health.getOrDefault(name, HealthSnapshot.unknown(name));
    }
  }

  private static Route route(String backend, double inputPrice, double outputPrice) {
    return new Route(backend, backend + "-model", new Price(inputPrice, outputPrice));
  }

  private static Route route(String backend) {
    return route(backend, 0, 0);
  }

  private static RoutingTable table(ModelRoutes... models) {
    return RoutingTable.of(List.of(models));
  }

  private static RouteQuery query(String alias) {
    return new RouteQuery(alias, Operation.CHAT, "acme", NOW,
        PrivacyFacts.clean(new Tenant("acme")), Constraints.NONE,
        new TokenEstimate(1_000, 500), "");
  }

  private static RouteQuery withPrivacy(RouteQuery q, PrivacyFacts privacy) {
    return new RouteQuery(q.alias(), q.operation(), q.stickyKey(), q.now(), privacy,
        q.constraints(), q.tokens(), q.exhaustedBudget());
  }

  private static RouteQuery withConstraints(RouteQuery q, Constraints constraints) {
    return new RouteQuery(q.alias(), q.operation(), q.stickyKey(), q.now(), q.privacy(),
        constraints, q.tokens(), q.exhaustedBudget());
  }

  private static List<String> reasons(Decision decision) {
    return decision.dropped().stream().map(Dropped::toString).toList();
  }

  @Test
  void keepsRoutesInOrderAndExplainsEveryDrop() {
    var view = new View().add("embedder", Placement.LOCAL, Capability.EMBEDDINGS)
        .add("a", Placement.CLOUD, Capability.CHAT).add("b", Placement.CLOUD, Capability.CHAT);
    var decision = (Decision.Routed) router.decide(query("chat"), table(ModelRoutes.single(
        "chat", "1", List.of(route("embedder"), route("ghost"), route("a"), route("b")))), view);

    assertThat(decision.chosen().backend().name()).isEqualTo("a");
    assertThat(decision.fallbacks()).extracting(c -> c.backend().name()).containsExactly("b");
    assertThat(reasons(decision)).containsExactly(
        "embedder: does not serve chat completions", "ghost: no such backend is running");
  }

  @Test
  void neverSendsAPrivateRequestToTheCloud() {
    var view = new View().add("nebius", Placement.CLOUD, Capability.CHAT)
        .add("vllm", Placement.PRIVATE, Capability.CHAT);
    var privacy = new PrivacyFacts(PrivacyLevel.PRIVATE, Tenant.DEFAULT_TRUST_ZONE,
        Set.of(EntityType.EMAIL_ADDRESS, EntityType.PERSON), false);

    var decision = (Decision.Routed) router.decide(withPrivacy(query("chat"), privacy), table(
        ModelRoutes.single("chat", "1", List.of(route("nebius"), route("vllm")))), view);

    assertThat(decision.chosen().backend().name()).isEqualTo("vllm");
    assertThat(reasons(decision)).containsExactly(
        "nebius: CLOUD not allowed for PRIVATE request with EMAIL_ADDRESS, PERSON");
  }

  @Test
  void keepsARequestInsideTheTrustZoneWhenTheScanFailed() {
    var view = new View().add("nebius", Placement.CLOUD, Capability.CHAT)
        .add("local", Placement.LOCAL, Capability.CHAT);
    var privacy = new PrivacyFacts(PrivacyLevel.INTERNAL, Tenant.DEFAULT_TRUST_ZONE, Set.of(),
        true);
    var decision = router.decide(withPrivacy(query("chat"), privacy), table(
        ModelRoutes.single("chat", "1", List.of(route("nebius"), route("local")))), view);

    assertThat(((Decision.Routed) decision).chosen().backend().name()).isEqualTo("local");
    assertThat(decision.dropped()).singleElement().satisfies(d -> {
      assertThat(d.cause()).isEqualTo(Dropped.Cause.UNSCANNED);
      assertThat(d).hasToString("nebius: the privacy scan failed, so the request may not leave "
          + "the trust zone for CLOUD");
    });
  }

  @Test
  void skipsAnOpenCircuitSayingWhenItWillBeTriedAgain() {
    var view = new View().add("a", Placement.CLOUD, Capability.CHAT)
        .add("b", Placement.CLOUD, Capability.CHAT).open("a", NOW.plusSeconds(12));
    var decision = router.decide(query("chat"),
        table(ModelRoutes.single("chat", "1", List.of(route("a"), route("b")))), view);

    assertThat(((Decision.Routed) decision).chosen().backend().name()).isEqualTo("b");
    assertThat(reasons(decision)).containsExactly(
        "a: circuit open after 80% failed calls; next try in 12 s");
  }

  @Test
  void dropsRoutesThatMissTheLatencyTargetOrTheCostCap() {
    var view = new View().add("slow", Placement.CLOUD, Capability.CHAT).health("slow", 480_000)
        .add("dear", Placement.CLOUD, Capability.CHAT).health("dear", 90_000)
        .add("ok", Placement.CLOUD, Capability.CHAT).health("ok", 120_000);
    var model = ModelRoutes.single("chat", "1",
        List.of(route("slow"), route("dear", 10, 30), route("ok", 0.1, 0.4)));

    var decision = router.decide(withConstraints(query("chat"), new Constraints(300, 0.01)),
        table(model), view);

    assertThat(((Decision.Routed) decision).chosen().backend().name()).isEqualTo("ok");
    assertThat(reasons(decision)).containsExactly(
        "slow: latency 480 ms predicted > target 300 ms",
        "dear: estimated cost $0.025000 > cap $0.010000");
  }

  @Test
  void ordersSurvivorsByTheModelsStrategy() {
    var view = new View().add("a", Placement.CLOUD, Capability.CHAT).health("a", 300_000)
        .add("b", Placement.CLOUD, Capability.CHAT).health("b", 100_000)
        .add("c", Placement.CLOUD, Capability.CHAT);
    var routes = List.of(route("a", 3, 3), route("b", 5, 5), route("c", 1, 1));
    var ordered = ModelRoutes.single("chat", "1", routes);

    assertThat(chosenOrder(ordered, view)).containsExactly("a", "b", "c");
    assertThat(chosenOrder(ordered.withPolicy(new RoutingPolicy(RoutingPolicy.Strategy.CHEAPEST,
        "")), view)).containsExactly("c", "a", "b");
    assertThat(chosenOrder(ordered.withPolicy(new RoutingPolicy(RoutingPolicy.Strategy.FASTEST,
        "")), view)).containsExactly("b", "a", "c");
  }

  private List<String> chosenOrder(ModelRoutes model, BackendView view) {
    return ((Decision.Routed) router.decide(query("chat"), table(model), view)).attempts()
        .stream().map(c -> c.backend().name()).toList();
  }

  @Test
  void servesFromTheDegradedModelWhenEveryRouteIsDown() {
    var view = new View().add("nebius", Placement.CLOUD, Capability.CHAT)
        .open("nebius", NOW.plusSeconds(20)).add("local", Placement.LOCAL, Capability.CHAT);
    var large = ModelRoutes.single("chat-large", "1", List.of(route("nebius")))
        .withPolicy(new RoutingPolicy(RoutingPolicy.Strategy.ORDERED, "chat-local"));
    var local = ModelRoutes.single("chat-local", "2", List.of(route("local")));

    var decision = (Decision.Routed) router.decide(query("chat-large"), table(large, local), view);

    assertThat(decision.degraded()).isTrue();
    assertThat(decision.version()).isEqualTo("chat-local@2");
    assertThat(reasons(decision)).containsExactly(
        "nebius: circuit open after 80% failed calls; next try in 20 s");
  }

  @Test
  void onlyFreeRoutesServeATenantWhoseBudgetIsSpent() {
    var view = new View().add("nebius", Placement.CLOUD, Capability.CHAT)
        .add("local", Placement.LOCAL, Capability.CHAT);
    var q = query("chat");
    var spent = new RouteQuery(q.alias(), q.operation(), q.stickyKey(), q.now(), q.privacy(),
        q.constraints(), q.tokens(), "monthly budget $10.00 for tenant acme");
    var decision = router.decide(spent, table(ModelRoutes.single("chat", "1",
        List.of(route("nebius", 1, 1), route("local")))), view);

    assertThat(((Decision.Routed) decision).chosen().backend().name()).isEqualTo("local");
    assertThat(decision.dropped()).singleElement()
        .satisfies(d -> assertThat(d.cause()).isEqualTo(Dropped.Cause.BUDGET));
  }

  @Test
  void sendsACallerToTheSameVersionEveryTime() {
    var view = new View().add("a", Placement.CLOUD, Capability.CHAT)
        .add("b", Placement.CLOUD, Capability.CHAT);
    var model = new ModelRoutes("chat", List.of(new VersionRoutes("1", 50, List.of(route("a"))),
        new VersionRoutes("2", 50, List.of(route("b")))), List.of());
    var q = query("chat");
    var sticky = new RouteQuery("chat", Operation.CHAT, "acme/user-17", NOW, q.privacy(),
        q.constraints(), q.tokens(), "");

    String first = ((Decision.Routed) router.decide(sticky, table(model), view)).version();
    for (int i = 0; i < 50; i++) {
      assertThat(((Decision.Routed) router.decide(sticky, table(model), view)).version())
          .isEqualTo(first);
    }
  }

  @Test
  void splitsDistinctCallersRoughlyByWeight() {
    var view = new View().add("a", Placement.CLOUD, Capability.CHAT)
        .add("b", Placement.CLOUD, Capability.CHAT);
    var model = new ModelRoutes("chat", List.of(new VersionRoutes("1", 80, List.of(route("a"))),
        new VersionRoutes("2", 20, List.of(route("b")))), List.of());
    var q = query("chat");
    int canary = 0;
    for (int user = 0; user < 10_000; user++) {
      var decision = (Decision.Routed) router.decide(new RouteQuery("chat", Operation.CHAT,
          "acme/u" + user, NOW, q.privacy(), q.constraints(), q.tokens(), ""), table(model),
          view);
      if (decision.version().equals("chat@2")) {
        canary++;
      }
    }
    assertThat(canary).isBetween(1_850, 2_150);
  }

  @Test
  void rejectsWithReasonsWhenNoCandidateSurvives() {
    var decision = router.decide(query("chat"), RoutingTable.of(List.of(ModelRoutes.single(
        "chat", "1", List.of(route("a")))), Set.of("a")),
        new View().add("a", Placement.CLOUD, Capability.CHAT));

    assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected ->
        assertThat(rejected.explain()).isEqualTo(
            "no backend can serve model 'chat': a: switched off by a kill switch"));
  }
}
