package dev.fulcrum.gateway.admin;

import dev.fulcrum.controlplane.killswitch.KillSwitch;
import dev.fulcrum.controlplane.publish.RoutingPublisher;
import dev.fulcrum.controlplane.registry.Artifact;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.registry.Signature;
import dev.fulcrum.controlplane.registry.VersionMetadata;
import dev.fulcrum.controlplane.registry.VersionSpec;
import dev.fulcrum.controlplane.rollout.RolloutService;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.StoreUrl;
import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.controlplane.tenant.TenantDirectory;
import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.pipeline.Backends;
import dev.fulcrum.dataplane.pipeline.RequestPipeline;
import dev.fulcrum.dataplane.routing.Router;
import dev.fulcrum.gateway.http.GatewayServer;
import dev.fulcrum.gateway.http.admin.AdminApi;
import dev.fulcrum.gateway.http.admin.AdminContext;
import dev.fulcrum.inference.simulated.SimulatedBackends;
import dev.fulcrum.inference.simulated.SimulatedSettings;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A gateway assembled the way {@code wiring.Fulcrum} assembles one (store, registry, rollouts,
 * kill switches, publisher, router pipeline, HTTP server with the admin API), plus two things
 * tests need: a control-plane clock they move, and <b>backends that report every call's outcome
 * to {@link RolloutService#observe}</b>, attributed to the one model version each backend serves.
 *
 * <p>Why the second: the request pipeline does not report outcomes to the rollout service yet,
 * so in {@code wiring.Fulcrum} a rollout's window stays empty and guards never judge real
 * traffic. Reporting at the backend stands in for that hook here (each test routes every version
 * to its own backend), so the admin API, the policy and the publisher are exercised end to end.
 */
final class ObservedGateway implements AutoCloseable {
  /** A clock that stands still until moved. */
  static final class TestClock implements InstantSource {
    private final AtomicReference<Instant> now = new AtomicReference<>(
        Instant.parse("2026-11-30T12:00:00Z"));

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration duration) {
      now.updateAndGet(t -> t.plus(duration));
    }
  }

  /** A chat backend that tells the rollout service how each call went. */
  private record Reporting(ChatBackend backend, String model, String version,
      RolloutService rollouts) implements ChatBackend {
    @Override
    public BackendInfo info() {
      return backend.info();
    }

    @Override
    public CompletionStage<ChatResponse> doChat(ChatRequest request) {
      long start = System.nanoTime();
      return backend.chat(request).whenComplete((answer, error) -> rollouts.observe(model,
          version, Duration.ofNanos(System.nanoTime() - start), error == null));
    }
  }

  static final String TENANT_KEY = "sk-observed-tenant";

  final TestClock clock = new TestClock();
  final ModelRegistry registry;
  final RolloutService rollouts;
  private final Vertx vertx = Vertx.vertx();
  private final Database database;
  private final RoutingPublisher publisher;
  private final GatewayServer server;

  /**
   * @param model the one model, whose version 1 is prod on backend {@code sim}
   * @param versions by version id, the error rate of the simulated backend serving it; each is
   *     registered (REGISTERED) with a backend of its own, {@code sim-VERSION}
   */
  ObservedGateway(Path store, String model, Map<String, Double> versions) {
    database = Database.open(StoreUrl.parse("sqlite:" + store));
    registry = ModelRegistry.create(database, clock);
    rollouts = RolloutService.create(registry);
    KillSwitch switches = KillSwitch.create(registry);
    publisher = RoutingPublisher.create(registry, rollouts, switches);
    List<Backend> backends = new java.util.ArrayList<>();
    backends.add(backend("sim", 0, model, "1"));
    register(model, "1", "sim");
    registry.promote(model, "1", Change.by("test", "first release"));
    versions.forEach((version, errorRate) -> {
      backends.add(backend("sim-" + version, errorRate, model, version));
      register(model, version, "sim-" + version);
    });
    Backends all = Backends.of(backends);
    RequestPipeline pipeline = new RequestPipeline(new Router(), all, publisher);
    AdminApi admin = new AdminApi(new AdminContext(Set.of(ApiKeyHash.of(AdminHttp.ADMIN_KEY)),
        registry, rollouts, switches, publisher::snapshot));
    var deps = new GatewayServer.Dependencies(pipeline, TenantDirectory.of(Map.of(
        ApiKeyHash.of(TENANT_KEY), new Tenant("acme"))), publisher, all, 0,
        List.of(admin));
    try {
      server = GatewayServer.start(vertx, deps, "127.0.0.1", 0, 1 << 20, 1)
          .await(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  private Backend backend(String name, double errorRate, String model, String version) {
    var settings = new SimulatedSettings(name, Placement.CLOUD, SimulatedSettings.Latency.NONE,
        0, SimulatedSettings.BatchCost.NONE, errorRate, 42, 8);
    return new Reporting((ChatBackend) SimulatedBackends.create(vertx, settings), model, version,
        rollouts);
  }

  private void register(String model, String version, String backend) {
    registry.register(new VersionSpec(model, version, Artifact.hosted("sim://" + version),
        Signature.ANY, VersionMetadata.ownedBy("test"), List.of(new Route(backend,
            "simulated-chat", Price.FREE))), Change.by("test", "registered"));
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    } finally {
      publisher.close();
      database.close();
    }
  }
}
