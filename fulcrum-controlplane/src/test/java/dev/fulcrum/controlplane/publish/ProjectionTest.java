package dev.fulcrum.controlplane.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.killswitch.ActiveSwitch;
import dev.fulcrum.controlplane.killswitch.SwitchTarget;
import dev.fulcrum.controlplane.registry.AliasInterval;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.ModelVersion;
import dev.fulcrum.controlplane.registry.Specs;
import dev.fulcrum.controlplane.registry.VersionState;
import dev.fulcrum.controlplane.rollout.Rollout;
import dev.fulcrum.controlplane.rollout.RolloutPolicy;
import dev.fulcrum.controlplane.rollout.RolloutState;
import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.VersionRoutes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionTest {
  private static final Instant T = Instant.parse("2025-06-01T12:00:00Z");
  private static final Change OPS = Change.by("ann", "test");

  /** A model whose versions have the given states and whose prod pointed at {@code prods}. */
  private static ModelState chat(Map<String, VersionState> states, String... prods) {
    Map<String, ModelVersion> versions = new LinkedHashMap<>();
    states.forEach((id, state) -> versions.put(id, new ModelVersion(Specs.version("chat", id,
        "backend-" + id), state, T)));
    List<AliasInterval> history = new ArrayList<>();
    for (int i = 0; i < prods.length; i++) {
      history.add(new AliasInterval("prod", prods[i], T.plusSeconds(i),
          i + 1 < prods.length ? T.plusSeconds(i + 1) : AliasInterval.OPEN, OPS));
    }
    return new ModelState("chat", versions, history);
  }

  private static Rollout rollout(double canaryPercent, double shadowRate) {
    return new Rollout(1, "chat", "1", "2", canaryPercent, shadowRate, RolloutPolicy.defaults(),
        RolloutState.RUNNING, T, T);
  }

  private static ModelRoutes only(RoutingSnapshot snapshot) {
    return snapshot.table().lookup("chat").orElseThrow();
  }

  @Test
  void theProdVersionTakesAllTraffic() {
    RoutingSnapshot snapshot = Projection.project(7, List.of(chat(Map.of("1",
        VersionState.ACTIVE), "1")), Map.of(), List.of());

    assertThat(snapshot.revision()).isEqualTo(7);
    assertThat(only(snapshot).versions()).singleElement().satisfies(v -> {
      assertThat(v.version()).isEqualTo("1");
      assertThat(v.routes().getFirst().backend()).isEqualTo("backend-1");
    });
    assertThat(only(snapshot).shadows()).isEmpty();
  }

  @Test
  void aCanarySplitsTrafficInBasisPoints() {
    RoutingSnapshot snapshot = Projection.project(1, List.of(chat(Map.of("1",
        VersionState.ACTIVE, "2", VersionState.CANARY), "1")), Map.of("chat",
        rollout(2.5, 0)), List.of());

    assertThat(only(snapshot).versions()).extracting(VersionRoutes::version,
        VersionRoutes::weight).containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", 9750),
            org.assertj.core.groups.Tuple.tuple("2", 250));
  }

  @Test
  void aShadowMirrorsASampleToTheCandidateWithoutServingIt() {
    RoutingSnapshot snapshot = Projection.project(1, List.of(chat(Map.of("1",
        VersionState.ACTIVE, "2", VersionState.CANARY), "1")), Map.of("chat",
        rollout(0, 0.2)), List.of());

    assertThat(only(snapshot).versions()).extracting(VersionRoutes::version)
        .containsExactly("1");
    assertThat(only(snapshot).shadows()).singleElement().satisfies(shadow -> {
      assertThat(shadow.target().version()).isEqualTo("2");
      assertThat(shadow.sampleRate()).isEqualTo(0.2);
    });
  }

  @Test
  void aDisabledCandidateSendsAllTrafficBackToTheStableVersion() {
    RoutingSnapshot snapshot = Projection.project(1, List.of(chat(Map.of("1",
        VersionState.ACTIVE, "2", VersionState.DISABLED), "1")), Map.of("chat",
        rollout(50, 0.5)), List.of());

    assertThat(only(snapshot).versions()).extracting(VersionRoutes::version)
        .containsExactly("1");
    assertThat(only(snapshot).shadows()).isEmpty();
  }

  @Test
  void aDisabledProdVersionFallsBackToTheLastGoodProdVersion() {
    RoutingSnapshot snapshot = Projection.project(1, List.of(chat(Map.of(
        "1", VersionState.RETIRED, "2", VersionState.DISABLED, "3", VersionState.DISABLED),
        "1", "2", "3")), Map.of(), List.of());

    assertThat(only(snapshot).versions()).extracting(VersionRoutes::version)
        .containsExactly("1");
    assertThat(snapshot.degraded()).containsEntry("chat",
        "prod version 3 is disabled; serving the previous prod version 1");
  }

  @Test
  void aModelWithEveryProdVersionDisabledIsUnavailable() {
    RoutingSnapshot snapshot = Projection.project(1, List.of(chat(Map.of(
        "1", VersionState.DISABLED), "1")), Map.of(), List.of());

    assertThat(snapshot.table().lookup("chat")).isEmpty();
    assertThat(snapshot.unavailable("chat")).hasValueSatisfying(u ->
        assertThat(u.cause()).isEqualTo(Unavailable.Cause.NO_ENABLED_VERSION));
  }

  @Test
  void aSwitchedOffModelLeavesTheTableAndTheGatewayAnswers503WithoutTheOperatorsNote() {
    ActiveSwitch off = new ActiveSwitch(SwitchTarget.model("chat"),
        Change.by("oncall", "INC-42 internal note"), T);

    RoutingSnapshot snapshot = Projection.project(1, List.of(chat(Map.of("1",
        VersionState.ACTIVE), "1")), Map.of(), List.of(off));

    assertThat(snapshot.table().lookup("chat")).isEmpty();
    assertThat(snapshot.unavailable("chat").orElseThrow().detail()).contains("INC-42");
    assertThatThrownBy(() -> snapshot.requireAvailable("chat"))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessage("model 'chat' is switched off by its operators; try again later or use "
            + "another model")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("INC-42"));
  }

  @Test
  void aModelNeverReleasedIsUnavailable() {
    RoutingSnapshot snapshot = Projection.project(1, List.of(chat(Map.of("1",
        VersionState.REGISTERED))), Map.of(), List.of());

    assertThat(snapshot.unavailable("chat")).hasValueSatisfying(u ->
        assertThat(u.cause()).isEqualTo(Unavailable.Cause.NOT_RELEASED));
  }

  @Test
  void switchedOffBackendsBecomeTheTablesDisabledBackends() {
    RoutingSnapshot snapshot = Projection.project(1, List.of(chat(Map.of("1",
        VersionState.ACTIVE), "1")), Map.of(), List.of(new ActiveSwitch(
            SwitchTarget.backend("nebius"), OPS, T)));

    assertThat(snapshot.table().disabledBackends()).containsExactly("nebius");
    assertThat(snapshot.table().disabled("nebius")).isTrue();
  }
}
