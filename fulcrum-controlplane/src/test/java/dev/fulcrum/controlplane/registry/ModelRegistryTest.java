package dev.fulcrum.controlplane.registry;

import static dev.fulcrum.controlplane.registry.Specs.OPS;
import static dev.fulcrum.controlplane.registry.Specs.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.store.TestDatabases;
import dev.fulcrum.controlplane.store.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelRegistryTest {
  private static final String DIALECTS = "dev.fulcrum.controlplane.store.TestDatabases#dialects";

  @TempDir
  Path temp;
  private final FakeClock clock = new FakeClock();

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void storesAVersionWithEverythingThatDefinesIt(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);

      registry.register(version("churn", "1", "kserve"), OPS);

      ModelVersion stored = registry.show("churn", "1");
      assertThat(stored.spec()).isEqualTo(version("churn", "1", "kserve"));
      assertThat(stored.state()).isEqualTo(VersionState.REGISTERED);
      assertThat(stored.createdAt()).isEqualTo(FakeClock.START);
      assertThat(registry.models()).containsExactly("churn");
      assertThat(registry.versions("churn")).containsExactly(stored);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void versionsAreImmutable(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("churn", "1", "kserve"), OPS);

      assertThatThrownBy(() -> registry.register(version("churn", "1", "other"), OPS))
          .isInstanceOf(RegistryConflictException.class)
          .hasMessageContaining("churn@1 already exists and versions are immutable");
      assertThat(registry.show("churn", "1").routes().getFirst().backend()).isEqualTo("kserve");
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void promotingMakesTheVersionActiveProdAndRetiresThePreviousOne(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);
      registry.register(version("chat", "2"), OPS);

      registry.promote("chat", "1", OPS);
      registry.promote("chat", "2", OPS);

      assertThat(registry.aliases("chat")).containsEntry(ModelRegistry.PROD, "2");
      assertThat(registry.show("chat", "2").state()).isEqualTo(VersionState.ACTIVE);
      assertThat(registry.show("chat", "1").state()).isEqualTo(VersionState.RETIRED);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void rePromotingARetiredVersionUndoesABadPromotion(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);
      registry.register(version("chat", "2"), OPS);
      registry.promote("chat", "1", OPS);
      registry.promote("chat", "2", OPS);

      registry.promote("chat", "1", Change.by("bob", "2 answers in the wrong language"));

      assertThat(registry.aliases("chat")).containsEntry(ModelRegistry.PROD, "1");
      assertThat(registry.show("chat", "2").state()).isEqualTo(VersionState.RETIRED);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void aMoveOutsideTheLifecycleThrowsAndChangesNothing(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);
      registry.retire("chat", "1", OPS);

      assertThatThrownBy(() -> registry.retire("chat", "1", OPS))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessage("model version chat@1 cannot go from RETIRED to RETIRED; allowed from "
              + "RETIRED: ACTIVE, DISABLED");
      assertThat(registry.history("chat")).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void refusesToRetireWhatProdServes(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);
      registry.promote("chat", "1", OPS);

      assertThatThrownBy(() -> registry.retire("chat", "1", OPS))
          .isInstanceOf(RegistryConflictException.class)
          .hasMessageContaining("promote another version first");
      assertThat(registry.show("chat", "1").state()).isEqualTo(VersionState.ACTIVE);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void recordsEveryTransitionWithWhoWhyAndWhen(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);
      registry.register(version("chat", "2"), OPS);
      registry.promote("chat", "1", Change.by("ann", "first release"));
      Instant second = clock.advance(Duration.ofHours(1));
      registry.promote("chat", "2", Change.by("bob", "better evals"));

      assertThat(registry.history("chat")).containsExactly(
          new VersionTransition("chat", "1", VersionState.REGISTERED, VersionState.ACTIVE,
              Change.by("ann", "first release"), FakeClock.START),
          new VersionTransition("chat", "2", VersionState.REGISTERED, VersionState.ACTIVE,
              Change.by("bob", "better evals"), second),
          new VersionTransition("chat", "1", VersionState.ACTIVE, VersionState.RETIRED,
              Change.by("bob", "better evals"), second));
      assertThat(registry.history("chat", "2")).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void answersWhichVersionAnAliasServedAtAnyInstant(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);
      registry.register(version("chat", "2"), OPS);
      Instant t1 = clock.advance(Duration.ofMinutes(1));
      registry.promote("chat", "1", OPS);
      Instant t2 = clock.advance(Duration.ofDays(3));
      registry.promote("chat", "2", OPS);

      assertThat(registry.servedAt("chat", "prod", t1.minusMillis(1))).isEmpty();
      assertThat(registry.servedAt("chat", "prod", t1)).contains("1");
      assertThat(registry.servedAt("chat", "prod", t2.minusMillis(1))).contains("1");
      assertThat(registry.servedAt("chat", "prod", t2)).contains("2");
      assertThat(registry.servedAt("chat", "prod", t2.plus(Duration.ofDays(400)))).contains("2");
      assertThat(registry.aliasHistory("chat", "prod"))
          .extracting(AliasInterval::version, AliasInterval::validFrom, AliasInterval::validTo)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("1", t1, t2),
              org.assertj.core.groups.Tuple.tuple("2", t2, AliasInterval.OPEN));
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void customAliasesMoveAndAreRemovedWithHistory(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);
      registry.register(version("chat", "2"), OPS);
      registry.assignAlias("chat", "experiment", "1", OPS);
      Instant moved = clock.advance(Duration.ofMinutes(5));
      registry.assignAlias("chat", "experiment", "2", OPS);
      Instant removed = clock.advance(Duration.ofMinutes(5));
      assertThat(registry.removeAlias("chat", "experiment", OPS)).isTrue();

      assertThat(registry.aliases("chat")).doesNotContainKey("experiment");
      assertThat(registry.servedAt("chat", "experiment", moved)).contains("2");
      assertThat(registry.servedAt("chat", "experiment", removed)).isEmpty();
      assertThat(registry.removeAlias("chat", "experiment", OPS)).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void prodAndCanaryAreNotAssignedByHand(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);

      assertThatThrownBy(() -> registry.assignAlias("chat", "prod", "1", OPS))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
      assertThatThrownBy(() -> registry.assignAlias("chat", "Bad Alias", "1", OPS))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void unknownNamesAreReportedAsSuch(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);

      assertThatThrownBy(() -> registry.versions("nope"))
          .isInstanceOf(UnknownModelException.class).hasMessageContaining("'nope'");
      assertThatThrownBy(() -> registry.show("chat", "9"))
          .isInstanceOf(UnknownVersionException.class).hasMessageContaining("no version '9'");
      assertThatThrownBy(() -> registry.promote("nope", "1", OPS))
          .isInstanceOf(UnknownModelException.class);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void tellsListenersAfterCommitAndSurvivesAFailingListener(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      List<RegistryEvent> seen = new ArrayList<>();
      registry.onChange(event -> {
        throw new IllegalStateException("observer bug");
      });
      registry.onChange(seen::add);

      registry.register(version("chat", "1"), OPS);
      registry.promote("chat", "1", OPS);
      assertThatThrownBy(() -> registry.retire("chat", "1", OPS))
          .isInstanceOf(RegistryConflictException.class);

      assertThat(seen).hasExactlyElementsOfTypes(VersionRegistered.class,
          VersionTransition.class, AliasAssigned.class);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void stateSurvivesARestart(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry first = ModelRegistry.create(test.db(), clock);
      first.register(version("chat", "1"), OPS);
      first.promote("chat", "1", OPS);

      ModelRegistry second = ModelRegistry.create(test.db(), clock);

      assertThat(second.aliases("chat")).containsEntry("prod", "1");
      assertThat(second.history("chat")).hasSize(1);
    }
  }
}
