package dev.fulcrum.controlplane.rollout;

import static dev.fulcrum.controlplane.registry.Specs.OPS;
import static dev.fulcrum.controlplane.registry.Specs.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.registry.FakeClock;
import dev.fulcrum.controlplane.registry.IllegalTransitionException;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.registry.RegistryConflictException;
import dev.fulcrum.controlplane.registry.VersionState;
import dev.fulcrum.controlplane.store.TestDatabases;
import dev.fulcrum.controlplane.store.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RolloutServiceTest {
  private static final String DIALECTS = "dev.fulcrum.controlplane.store.TestDatabases#dialects";
  static final RolloutPolicy POLICY = new RolloutPolicy(List.of(new Guard.ErrorRate(0.05),
      new Guard.P95Latency(Duration.ofMillis(800))), Duration.ofMinutes(5), 10, 50, 20,
      Duration.ofMinutes(10), true, true);

  @TempDir
  Path temp;
  private final FakeClock clock = new FakeClock();

  static ModelRegistry chatWithCandidate(TestDatabase test, FakeClock clock) {
    ModelRegistry registry = ModelRegistry.create(test.db(), clock);
    registry.register(version("chat", "1"), OPS);
    registry.promote("chat", "1", OPS);
    registry.register(version("chat", "2"), OPS);
    return registry;
  }

  private static void traffic(RolloutService rollouts, String version, int requests, int errors,
      long millis) {
    for (int i = 0; i < requests; i++) {
      rollouts.observe("chat", version, Duration.ofMillis(millis), i >= errors);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void startingMovesTheCandidateToCanaryAndPointsTheCanaryAlias(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = chatWithCandidate(test, clock);
      RolloutService rollouts = RolloutService.create(registry);

      Rollout rollout = rollouts.create(RolloutPlan.canary("chat", "2", 5, POLICY), OPS);
      assertThat(rollout.state()).isEqualTo(RolloutState.PENDING);
      assertThat(registry.show("chat", "2").state()).isEqualTo(VersionState.REGISTERED);

      Rollout running = rollouts.start(rollout.id(), OPS);

      assertThat(running.state()).isEqualTo(RolloutState.RUNNING);
      assertThat(running.baseline()).isEqualTo("1");
      assertThat(running.policy()).isEqualTo(POLICY);
      assertThat(registry.show("chat", "2").state()).isEqualTo(VersionState.CANARY);
      assertThat(registry.aliases("chat")).containsEntry("canary", "2").containsEntry("prod",
          "1");
      assertThat(rollouts.running()).containsOnlyKeys("chat");
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void movesOutsideTheRolloutTableThrowNamingTheAllowedOnes(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      RolloutService rollouts = RolloutService.create(chatWithCandidate(test, clock));
      Rollout pending = rollouts.create(RolloutPlan.canary("chat", "2", 5, POLICY), OPS);

      assertThatThrownBy(() -> rollouts.promote(pending.id(), OPS))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("cannot go from PENDING to PROMOTED; allowed from PENDING: "
              + "RUNNING, ABORTED");
      rollouts.abort(pending.id(), OPS);
      assertThatThrownBy(() -> rollouts.start(pending.id(), OPS))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("ABORTED is final");
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void onlyOneRolloutPerModelRunsAtATime(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = chatWithCandidate(test, clock);
      registry.register(version("chat", "3"), OPS);
      RolloutService rollouts = RolloutService.create(registry);
      rollouts.launch(RolloutPlan.canary("chat", "2", 5, POLICY), OPS);

      assertThatThrownBy(() -> rollouts.launch(RolloutPlan.canary("chat", "3", 5, POLICY), OPS))
          .isInstanceOf(RegistryConflictException.class)
          .hasMessageContaining("is running; end it before starting another");
      assertThat(registry.show("chat", "3").state()).isEqualTo(VersionState.REGISTERED);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void replicasRacingToStartRolloutsOfOneModelLetExactlyOneWin(String dialect)
      throws Exception {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = chatWithCandidate(test, clock);
      registry.register(version("chat", "3"), OPS);
      List<RolloutService> replicas = List.of(RolloutService.create(registry),
          RolloutService.create(ModelRegistry.create(test.db(), clock)));
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      List<java.util.concurrent.Future<Rollout>> outcomes = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        RolloutService replica = replicas.get(i);
        String candidate = String.valueOf(i + 2);
        outcomes.add(pool.submit(() -> {
          start.await();
          return replica.launch(RolloutPlan.canary("chat", candidate, 5, POLICY), OPS);
        }));
      }
      int won = 0;
      int refused = 0;
      for (var outcome : outcomes) {
        try {
          outcome.get();
          won++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(RegistryConflictException.class);
          refused++;
        }
      }
      pool.shutdown();

      assertThat(won).isEqualTo(1);
      assertThat(refused).isEqualTo(1);
      assertThat(replicas.getFirst().running()).hasSize(1);
      assertThat(registry.versions("chat")).filteredOn(v -> v.state() == VersionState.CANARY)
          .hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void rollsBackAutomaticallyOnABreachAndRecordsTheNumbers(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = chatWithCandidate(test, clock);
      RolloutService rollouts = RolloutService.create(registry);
      Rollout rollout = rollouts.launch(RolloutPlan.canary("chat", "2", 10, POLICY), OPS);
      traffic(rollouts, "1", 300, 3, 200);
      traffic(rollouts, "2", 30, 6, 200);

      Verdict verdict = rollouts.evaluate().get(rollout.id());

      assertThat(verdict).isInstanceOf(Verdict.Rollback.class);
      assertThat(rollouts.get(rollout.id()).state()).isEqualTo(RolloutState.ROLLED_BACK);
      assertThat(registry.show("chat", "2").state()).isEqualTo(VersionState.ROLLED_BACK);
      assertThat(registry.aliases("chat")).containsEntry("prod", "1").doesNotContainKey(
          "canary");
      RolloutEvent.Decision decision = rollouts.history(rollout.id()).stream()
          .filter(RolloutEvent.Decision.class::isInstance).map(RolloutEvent.Decision.class::cast)
          .findFirst().orElseThrow();
      assertThat(decision.applied()).isTrue();
      assertThat(decision.change().actor()).isEqualTo(RolloutService.POLICY_ACTOR);
      assertThat(decision.verdict().reason())
          .isEqualTo("error_rate 0.200 violates 0.050 over 30 requests");
      assertThat(decision.verdict().window().baseline().requests()).isEqualTo(300);
      assertThat(decision.verdict().window().candidate().errors()).isEqualTo(6);
      assertThat(rollouts.running()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void promotesAutomaticallyOnceHealthyForTheWholeDuration(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = chatWithCandidate(test, clock);
      RolloutService rollouts = RolloutService.create(registry);
      Rollout rollout = rollouts.launch(RolloutPlan.canary("chat", "2", 10, POLICY), OPS);

      for (int minute = 0; minute <= 10; minute++) {
        traffic(rollouts, "2", 60, 0, 300);
        Verdict verdict = rollouts.evaluate().get(rollout.id());
        assertThat(verdict).as("minute %d", minute).isInstanceOf(minute < 10
            ? Verdict.Hold.class : Verdict.Promote.class);
        clock.advance(Duration.ofMinutes(1));
      }

      assertThat(rollouts.get(rollout.id()).state()).isEqualTo(RolloutState.PROMOTED);
      assertThat(registry.aliases("chat")).containsEntry("prod", "2");
      assertThat(registry.show("chat", "1").state()).isEqualTo(VersionState.RETIRED);
      assertThat(registry.history("chat", "2")).last().satisfies(t -> {
        assertThat(t.to()).isEqualTo(VersionState.ACTIVE);
        assertThat(t.change().actor()).isEqualTo(RolloutService.POLICY_ACTOR);
      });
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void aPolicyThatLeavesDecisionsToPeopleRecordsEachVerdictOnce(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      RolloutPolicy manual = new RolloutPolicy(POLICY.guards(), POLICY.window(), 10, 50, 20,
          Duration.ZERO, false, false);
      RolloutService rollouts = RolloutService.create(chatWithCandidate(test, clock));
      Rollout rollout = rollouts.launch(RolloutPlan.canary("chat", "2", 10, manual), OPS);
      traffic(rollouts, "2", 30, 10, 200);

      rollouts.evaluate();
      rollouts.evaluate();

      assertThat(rollouts.get(rollout.id()).state()).isEqualTo(RolloutState.RUNNING);
      assertThat(rollouts.history(rollout.id())).filteredOn(RolloutEvent.Decision.class::isInstance)
          .singleElement().satisfies(e -> assertThat(((RolloutEvent.Decision) e).applied())
              .isFalse());
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void shadowDisagreementRollsBackAndPairsAreStoredWithinTheBound(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      RolloutPolicy shadowPolicy = POLICY.withGuards(new Guard.ShadowAgreement(0.9, 0.85));
      RolloutService rollouts = RolloutService.create(chatWithCandidate(test, clock),
          new ShadowRetention(25, Duration.ofDays(1)));
      Rollout rollout = rollouts.launch(RolloutPlan.shadow("chat", "2", 0.5, shadowPolicy), OPS);
      for (int i = 0; i < 40; i++) {
        rollouts.observeShadow("chat", new ShadowPair("req-" + i, "1", "2",
            Duration.ofMillis(100), Duration.ofMillis(120), false, false, i % 2 == 0 ? 0.95
            : 0.5));
      }

      assertThat(rollouts.window(rollout.id()).orElseThrow().shadow())
          .isEqualTo(new ShadowStats(40, 20, 0));
      Verdict verdict = rollouts.evaluate().get(rollout.id());

      assertThat(verdict).isInstanceOf(Verdict.Rollback.class);
      assertThat(verdict.reason()).contains("shadow_agreement 0.500 violates 0.900 over 40");
      List<ShadowPair> kept = rollouts.shadowPairs(rollout.id(), 100);
      assertThat(kept).hasSize(25);
      assertThat(kept.getFirst().requestId()).isEqualTo("req-39");
      assertThat(kept.getFirst().similarity()).isEqualTo(0.5);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void aRolloutStartedOnAnotherReplicaIsWatchedAfterOneTick(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = chatWithCandidate(test, clock);
      RolloutService here = RolloutService.create(registry);
      RolloutService there = RolloutService.create(ModelRegistry.create(test.db(), clock));
      Rollout rollout = there.launch(RolloutPlan.canary("chat", "2", 10, POLICY), OPS);

      here.evaluate();
      traffic(here, "2", 30, 10, 200);

      assertThat(here.evaluate().get(rollout.id())).isInstanceOf(Verdict.Rollback.class);
      assertThat(there.get(rollout.id()).state()).isEqualTo(RolloutState.ROLLED_BACK);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void theSchedulerDrivesEvaluation(String dialect) throws InterruptedException {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      RolloutService rollouts = RolloutService.create(chatWithCandidate(test, clock));
      Rollout rollout = rollouts.launch(RolloutPlan.canary("chat", "2", 10, POLICY), OPS);
      traffic(rollouts, "2", 30, 10, 200);

      RolloutScheduler scheduler = RolloutScheduler.start(rollouts, Duration.ofMillis(20));
      try {
        for (int i = 0; i < 500 && rollouts.get(rollout.id()).state().live(); i++) {
          Thread.sleep(20);
        }
      } finally {
        scheduler.close();
      }

      assertThat(rollouts.get(rollout.id()).state()).isEqualTo(RolloutState.ROLLED_BACK);
    }
  }
}
