package dev.fulcrum.bench.routing;

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
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.health.BreakerState;
import dev.fulcrum.dataplane.health.HealthSnapshot;
import dev.fulcrum.dataplane.routing.BackendView;
import dev.fulcrum.dataplane.routing.Constraints;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.Operation;
import dev.fulcrum.dataplane.routing.PrivacyFacts;
import dev.fulcrum.dataplane.routing.RouteQuery;
import dev.fulcrum.dataplane.routing.Router;
import dev.fulcrum.dataplane.routing.TokenEstimate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Router decision time with N candidate routes of mixed placements: a third CLOUD (dropped for a
 * PRIVATE request with PII), one with an open breaker, the rest ranked by cost. Sample mode, so
 * JMH reports percentiles: {@code bench/jmh/run.sh RouterBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouterBenchmark {
  @Param({"20"})
  int candidates;

  private final Router router = new Router();
  private RoutingTable table;
  private BackendView view;
  private RouteQuery privateQuery;
  private RouteQuery publicQuery;

  @Setup
  public void setUp() {
    Instant now = Instant.parse("2026-11-30T12:00:00Z");
    List<Route> routes = new ArrayList<>();
    Map<String, Placement> placements = new HashMap<>();
    Map<String, HealthSnapshot> health = new HashMap<>();
    for (int i = 0; i < candidates; i++) {
      String name = "backend-" + i;
      Placement placement = Placement.values()[i % 3];
      placements.put(name, placement);
      routes.add(new Route(name, "model-" + i, new Price(0.1 * (candidates - i), 0.4 * i)));
      health.put(name, i == 4
          ? new HealthSnapshot(name, BreakerState.OPEN, -1, 1, 0, now.plusSeconds(30), "open")
          : new HealthSnapshot(name, BreakerState.CLOSED, 50_000 + 1_000L * i, 0.01, i % 4,
              Instant.EPOCH, ""));
    }
    table = RoutingTable.of(List.of(ModelRoutes.single("chat", "1", routes)
        .withPolicy(new RoutingPolicy(RoutingPolicy.Strategy.CHEAPEST, ""))));
    view = new BackendView() {
      final Set<Capability> caps = Set.of(Capability.CHAT, Capability.CHAT_STREAM);

      @Override
      public Optional<BackendInfo> info(String name) {
        return Optional.of(new BackendInfo(name, "openai", placements.get(name), false, false));
      }

      @Override
      public Set<Capability> capabilities(String name) {
        return caps;
      }

      @Override
      public HealthSnapshot health(String name) {
        return health.get(name);
      }
    };
    var privateFacts = new PrivacyFacts(PrivacyLevel.PRIVATE, Tenant.DEFAULT_TRUST_ZONE,
        Set.of(EntityType.PERSON, EntityType.EMAIL_ADDRESS), false);
    privateQuery = new RouteQuery("chat", Operation.CHAT, "acme/u1", now, privateFacts,
        new Constraints(200, 0.05), new TokenEstimate(800, 512), "");
    publicQuery = new RouteQuery("chat", Operation.CHAT, "acme/u2", now,
        PrivacyFacts.clean(new Tenant("acme")), Constraints.NONE, new TokenEstimate(800, 512),
        "");
  }

  @Benchmark
  public Decision privateRequestWithPii() {
    return router.decide(privateQuery, table, view);
  }

  @Benchmark
  public Decision publicRequest() {
    return router.decide(publicQuery, table, view);
  }
}
