package dev.fulcrum.controlplane.publish;

import static dev.fulcrum.controlplane.registry.Specs.OPS;
import static dev.fulcrum.controlplane.registry.Specs.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.controlplane.killswitch.KillSwitch;
import dev.fulcrum.controlplane.killswitch.SwitchTarget;
import dev.fulcrum.controlplane.registry.FakeClock;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.rollout.Rollout;
import dev.fulcrum.controlplane.rollout.RolloutPlan;
import dev.fulcrum.controlplane.rollout.RolloutPolicy;
import dev.fulcrum.controlplane.rollout.RolloutService;
import dev.fulcrum.controlplane.store.TestDatabases;
import dev.fulcrum.controlplane.store.TestDatabases.TestDatabase;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.routing.VersionRoutes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoutingPublisherTest {
  private static final String DIALECTS = "dev.fulcrum.controlplane.store.TestDatabases#dialects";

  @TempDir
  Path temp;
  private final FakeClock clock = new FakeClock();

  /** One replica's control plane on a shared database. */
  private record Replica(ModelRegistry registry, RolloutService rollouts, KillSwitch switches,
      RoutingPublisher publisher) implements AutoCloseable {
    static Replica on(TestDatabase test, FakeClock clock) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      RolloutService rollouts = RolloutService.create(registry);
      KillSwitch switches = KillSwitch.create(registry);
      return new Replica(registry, rollouts, switches,
          RoutingPublisher.create(registry, rollouts, switches));
    }

    List<String> versions(String model) {
      return publisher.get().lookup(model).orElseThrow().versions().stream()
          .map(VersionRoutes::version).toList();
    }

    @Override
    public void close() {
      publisher.close();
    }
  }

  private static void chatWithCandidate(ModelRegistry registry) {
    registry.register(version("chat", "1"), OPS);
    registry.promote("chat", "1", OPS);
    registry.register(version("chat", "2"), OPS);
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void aKillSwitchChangesThePublishedTableBeforeTheCallReturns(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        Replica replica = Replica.on(test, clock)) {
      chatWithCandidate(replica.registry());
      List<RoutingTable> published = new ArrayList<>();
      replica.publisher().onChange(snapshot -> published.add(snapshot.table()));

      replica.switches().disable(SwitchTarget.backend("nebius"), OPS);

      assertThat(replica.publisher().get().disabled("nebius")).isTrue();
      assertThat(published).last().satisfies(t -> assertThat(t.disabled("nebius")).isTrue());

      replica.switches().disable(SwitchTarget.model("chat"), OPS);

      assertThat(replica.publisher().get().lookup("chat")).isEmpty();
      assertThat(replica.publisher().snapshot().unavailable("chat")).isPresent();
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void aRollbackTakesTheCanaryOutOfTheTableAtOnce(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        Replica replica = Replica.on(test, clock)) {
      chatWithCandidate(replica.registry());
      Rollout rollout = replica.rollouts().launch(RolloutPlan.canary("chat", "2", 10,
          RolloutPolicy.defaults()), OPS);
      assertThat(replica.versions("chat")).containsExactly("1", "2");

      replica.rollouts().rollback(rollout.id(), OPS);

      assertThat(replica.versions("chat")).containsExactly("1");
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void disablingTheProdVersionServesThePreviousOne(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        Replica replica = Replica.on(test, clock)) {
      chatWithCandidate(replica.registry());
      replica.registry().promote("chat", "2", OPS);

      replica.switches().disable(SwitchTarget.version("chat", "2"), OPS);
      assertThat(replica.versions("chat")).containsExactly("1");
      assertThat(replica.publisher().snapshot().degraded()).containsKey("chat");

      replica.switches().enable(SwitchTarget.version("chat", "2"), OPS);
      assertThat(replica.versions("chat")).containsExactly("2");
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void anotherReplicaSeesTheChangeOnItsNextPoll(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        Replica a = Replica.on(test, clock); Replica b = Replica.on(test, clock)) {
      chatWithCandidate(a.registry());
      assertThat(b.publisher().poll()).isTrue();
      assertThat(b.versions("chat")).containsExactly("1");
      assertThat(b.publisher().poll()).isFalse();

      a.switches().disable(SwitchTarget.backend("nebius"), OPS);
      assertThat(b.publisher().get().disabled("nebius")).isFalse();

      assertThat(b.publisher().poll()).isTrue();
      assertThat(b.publisher().get().disabled("nebius")).isTrue();
      assertThat(b.publisher().snapshot().revision())
          .isEqualTo(a.publisher().snapshot().revision());
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void thePollingThreadPicksUpAnotherReplicasChange(String dialect) throws InterruptedException {
    try (TestDatabase test = TestDatabases.open(dialect, temp);
        Replica a = Replica.on(test, clock); Replica b = Replica.on(test, clock)) {
      chatWithCandidate(a.registry());
      b.publisher().startPolling(Duration.ofMillis(20));

      a.switches().disable(SwitchTarget.model("chat"), OPS);

      for (int i = 0; i < 500 && b.publisher().snapshot().unavailable("chat").isEmpty(); i++) {
        Thread.sleep(20);
      }
      assertThat(b.publisher().snapshot().unavailable("chat")).isPresent();
    }
  }
}
