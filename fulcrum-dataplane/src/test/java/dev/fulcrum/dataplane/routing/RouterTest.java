package dev.fulcrum.dataplane.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Capability;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.routing.VersionRoutes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final Router router = new Router();

  /** A view of backends given as name → capabilities. */
  private static BackendView view(Map<String, Set<Capability>> backends) {
    return new BackendView() {
      @Override
      public Optional<BackendInfo> info(String name) {
        return backends.containsKey(name) ? Optional.of(new BackendInfo(name, "fake",
            Placement.CLOUD, false, false)) : Optional.empty();
      }

      @Override
      public Set<Capability> capabilities(String name) {
        return backends.getOrDefault(name, Set.of());
      }
    };
  }

  private static Route route(String backend) {
    return new Route(backend, backend + "-model", Price.FREE);
  }

  @Test
  void keepsRoutesInOrderAndExplainsEveryDrop() {
    var table = RoutingTable.of(List.of(ModelRoutes.single("chat", "1",
        List.of(route("embedder"), route("ghost"), route("a"), route("b")))));
    var backends = view(Map.of("embedder", Set.of(Capability.EMBEDDINGS),
        "a", Set.of(Capability.CHAT), "b", Set.of(Capability.CHAT)));

    var decision = (Decision.Routed) router.decide(
        new RouteQuery("chat", Operation.CHAT, "acme"), table, backends);

    assertThat(decision.chosen().backend().name()).isEqualTo("a");
    assertThat(decision.fallbacks()).extracting(c -> c.backend().name()).containsExactly("b");
    assertThat(decision.dropped()).extracting(Dropped::toString).containsExactly(
        "embedder: does not serve chat completions", "ghost: no such backend is running");
  }

  @Test
  void sendsACallerToTheSameVersionEveryTime() {
    var table = RoutingTable.of(List.of(new ModelRoutes("chat", List.of(
        new VersionRoutes("1", 50, List.of(route("a"))),
        new VersionRoutes("2", 50, List.of(route("b")))), List.of())));
    var backends = view(Map.of("a", Set.of(Capability.CHAT), "b", Set.of(Capability.CHAT)));
    var query = new RouteQuery("chat", Operation.CHAT, "acme/user-17");

    String first = ((Decision.Routed) router.decide(query, table, backends)).version();
    for (int i = 0; i < 50; i++) {
      assertThat(((Decision.Routed) router.decide(query, table, backends)).version())
          .isEqualTo(first);
    }
  }

  @Test
  void splitsDistinctCallersRoughlyByWeight() {
    var table = RoutingTable.of(List.of(new ModelRoutes("chat", List.of(
        new VersionRoutes("1", 80, List.of(route("a"))),
        new VersionRoutes("2", 20, List.of(route("b")))), List.of())));
    var backends = view(Map.of("a", Set.of(Capability.CHAT), "b", Set.of(Capability.CHAT)));
    int canary = 0;
    for (int user = 0; user < 10_000; user++) {
      var decision = (Decision.Routed) router.decide(
          new RouteQuery("chat", Operation.CHAT, "acme/u" + user), table, backends);
      if (decision.version().equals("chat@2")) {
        canary++;
      }
    }
    assertThat(canary).isBetween(1_850, 2_150);
  }

  @Test
  void rejectsWithReasonsWhenNoCandidateSurvives() {
    var table = RoutingTable.of(List.of(ModelRoutes.single("chat", "1", List.of(route("a")))),
        Set.of("a"));
    var decision = router.decide(new RouteQuery("chat", Operation.CHAT, "acme"), table,
        view(Map.of("a", Set.of(Capability.CHAT))));

    assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected ->
        assertThat(rejected.explain()).isEqualTo(
            "no backend can serve model 'chat': a: switched off by a kill switch"));
  }
}
