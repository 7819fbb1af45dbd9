package dev.fulcrum.controlplane.registry;

import static dev.fulcrum.controlplane.registry.VersionState.ACTIVE;
import static dev.fulcrum.controlplane.registry.VersionState.CANARY;
import static dev.fulcrum.controlplane.registry.VersionState.DISABLED;
import static dev.fulcrum.controlplane.registry.VersionState.REGISTERED;
import static dev.fulcrum.controlplane.registry.VersionState.RETIRED;
import static dev.fulcrum.controlplane.registry.VersionState.ROLLED_BACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class VersionStateTest {
  private static final TransitionTable<VersionState> TABLE = VersionState.TRANSITIONS;

  @Test
  void theTableIsExactlyTheDocumentedLifecycle() {
    assertThat(TABLE.allowedFrom(REGISTERED)).containsExactlyInAnyOrder(CANARY, ACTIVE, RETIRED,
        DISABLED);
    assertThat(TABLE.allowedFrom(CANARY)).containsExactlyInAnyOrder(ACTIVE, ROLLED_BACK,
        DISABLED);
    assertThat(TABLE.allowedFrom(ACTIVE)).containsExactlyInAnyOrder(RETIRED, DISABLED);
    assertThat(TABLE.allowedFrom(ROLLED_BACK)).containsExactlyInAnyOrder(CANARY, RETIRED,
        DISABLED);
    assertThat(TABLE.allowedFrom(RETIRED)).containsExactlyInAnyOrder(ACTIVE, DISABLED);
    assertThat(TABLE.allowedFrom(DISABLED)).containsExactlyInAnyOrder(REGISTERED, CANARY,
        ACTIVE, ROLLED_BACK, RETIRED);
  }

  @Test
  void everyMoveOutsideTheTableThrowsNamingTheAllowedStates() {
    for (VersionState from : VersionState.values()) {
      for (VersionState to : EnumSet.complementOf(EnumSet.copyOf(TABLE.allowedFrom(from)))) {
        assertThatThrownBy(() -> TABLE.check("m@1", from, to))
            .isInstanceOf(IllegalTransitionException.class)
            .hasMessageContaining("model version m@1 cannot go from " + from + " to " + to)
            .satisfies(e -> assertThat(((IllegalTransitionException) e).allowed())
                .containsExactlyInAnyOrderElementsOf(
                    TABLE.allowedFrom(from).stream().map(Enum::name).toList()));
      }
    }
  }

  @Test
  void aStateNeverMovesToItself() {
    assertThatThrownBy(() -> TransitionTable.builder("x", VersionState.class)
        .allow(ACTIVE, ACTIVE)).isInstanceOf(IllegalArgumentException.class);
  }
}
