package dev.fulcrum.controlplane.killswitch;

import static dev.fulcrum.controlplane.registry.Specs.OPS;
import static dev.fulcrum.controlplane.registry.Specs.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.FakeClock;
import dev.fulcrum.controlplane.registry.IllegalTransitionException;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.registry.UnknownModelException;
import dev.fulcrum.controlplane.registry.VersionState;
import dev.fulcrum.controlplane.store.TestDatabases;
import dev.fulcrum.controlplane.store.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KillSwitchTest {
  private static final String DIALECTS = "dev.fulcrum.controlplane.store.TestDatabases#dialects";
  private static final Change INCIDENT = Change.by("oncall", "INC-42 leaking system prompt");

  @TempDir
  Path temp;
  private final FakeClock clock = new FakeClock();

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void disablingAVersionMovesItToDisabledAndEnablingRestoresItsState(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);
      registry.promote("chat", "1", OPS);
      KillSwitch switches = KillSwitch.create(registry);

      assertThat(switches.disable(SwitchTarget.version("chat", "1"), INCIDENT)).isTrue();
      assertThat(registry.show("chat", "1").state()).isEqualTo(VersionState.DISABLED);
      assertThatThrownBy(() -> registry.retire("chat", "1", OPS))
          .isInstanceOf(Exception.class);

      assertThat(switches.enable(SwitchTarget.version("chat", "1"), OPS)).isTrue();
      assertThat(registry.show("chat", "1").state()).isEqualTo(VersionState.ACTIVE);
      assertThat(registry.history("chat", "1")).extracting(t -> t.from() + ">" + t.to())
          .containsExactly("REGISTERED>ACTIVE", "ACTIVE>DISABLED", "DISABLED>ACTIVE");
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void aDisabledVersionLeavesOnlyByTheKillSwitch(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);
      KillSwitch.create(registry).disable(SwitchTarget.version("chat", "1"), INCIDENT);

      assertThatThrownBy(() -> registry.promote("chat", "1", OPS))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("from DISABLED to ACTIVE")
          .hasMessageContaining("REGISTERED (the state it was disabled from");
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void switchesSurviveARestartAndEveryFlipIsLogged(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.register(version("chat", "1"), OPS);
      KillSwitch first = KillSwitch.create(registry);
      first.disable(SwitchTarget.backend("nebius"), INCIDENT);
      clock.advance(Duration.ofMinutes(1));
      first.disable(SwitchTarget.model("chat"), INCIDENT);
      clock.advance(Duration.ofMinutes(1));
      first.enable(SwitchTarget.backend("nebius"), Change.by("oncall", "provider recovered"));

      KillSwitch afterRestart = KillSwitch.create(ModelRegistry.create(test.db(), clock));

      assertThat(afterRestart.active()).singleElement().satisfies(active -> {
        assertThat(active.target()).isEqualTo(SwitchTarget.model("chat"));
        assertThat(active.change()).isEqualTo(INCIDENT);
        assertThat(active.since()).isEqualTo(FakeClock.START.plus(Duration.ofMinutes(1)));
      });
      assertThat(afterRestart.history()).extracting(SwitchChange::target,
              SwitchChange::disabled)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(SwitchTarget.backend("nebius"), true),
              org.assertj.core.groups.Tuple.tuple(SwitchTarget.model("chat"), true),
              org.assertj.core.groups.Tuple.tuple(SwitchTarget.backend("nebius"), false));
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void flippingToTheCurrentPositionChangesAndRecordsNothing(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      KillSwitch switches = KillSwitch.create(registry);
      List<SwitchChange> seen = new ArrayList<>();
      switches.onChange(seen::add);

      assertThat(switches.enable(SwitchTarget.backend("nebius"), OPS)).isFalse();
      assertThat(switches.disable(SwitchTarget.backend("nebius"), OPS)).isTrue();
      assertThat(switches.disable(SwitchTarget.backend("nebius"), OPS)).isFalse();

      assertThat(switches.history()).hasSize(1);
      assertThat(seen).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void refusesUnknownModels(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      KillSwitch switches = KillSwitch.create(ModelRegistry.create(test.db(), clock));

      assertThatThrownBy(() -> switches.disable(SwitchTarget.model("nope"), INCIDENT))
          .isInstanceOf(UnknownModelException.class);
      assertThat(switches.active()).isEmpty();
    }
  }
}
