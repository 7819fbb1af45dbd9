package dev.fulcrum.dataplane.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PromptClassTest {

  @Test
  void isConfidentOnlyWhenBothLabelsReachTheThreshold() {
    PromptClass result = new PromptClass(Complexity.SIMPLE, 0.9, Intent.CODE, 0.6);

    assertThat(result.confidentAtLeast(0.6)).isTrue();
    assertThat(result.confidentAtLeast(0.61)).isFalse();
    assertThat(result.confidentAtLeast(0.0)).isTrue();
  }

  @Test
  void complexProbabilityIsTheComplementForSimplePrompts() {
    assertThat(new PromptClass(Complexity.SIMPLE, 0.8, Intent.CHAT, 0.5).complexProbability())
        .isCloseTo(0.2, within(1e-12));
    assertThat(new PromptClass(Complexity.COMPLEX, 0.7, Intent.CHAT, 0.5).complexProbability())
        .isCloseTo(0.7, within(1e-12));
  }

  @Test
  void rejectsConfidencesOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new PromptClass(Complexity.SIMPLE, 1.01, Intent.CHAT, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("complexityConfidence");
    assertThatThrownBy(() -> new PromptClass(Complexity.SIMPLE, 0.5, Intent.CHAT, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intentConfidence");
    assertThatThrownBy(() -> new PromptClass(Complexity.SIMPLE, 0.5, Intent.CHAT, 0.5)
        .confidentAtLeast(-0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsMissingLabels() {
    assertThatThrownBy(() -> new PromptClass(null, 0.5, Intent.CHAT, 0.5))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PromptClass(Complexity.SIMPLE, 0.5, null, 0.5))
        .isInstanceOf(NullPointerException.class);
  }
}
