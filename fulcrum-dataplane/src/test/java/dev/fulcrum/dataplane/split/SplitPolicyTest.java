package dev.fulcrum.dataplane.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.dataplane.classify.Complexity;
import dev.fulcrum.dataplane.classify.Intent;
import dev.fulcrum.dataplane.classify.PromptClass;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitPolicyTest {
  private final SplitPolicy policy = new SplitPolicy("small", "large", 0.8,
      Map.of(Intent.CODE, "coder"));

  @Test
  void confidentSimplePromptGoesToTheSmallModel() {
    SplitChoice choice = policy.choose("auto", labels(Complexity.SIMPLE, 0.93, Intent.CHAT, 0.9));

    assertThat(choice.target()).isEqualTo("small");
    assertThat(choice.toString()).isEqualTo("auto -> small (SIMPLE 93%, intent CHAT 90%)");
  }

  @Test
  void uncertainSimplePromptEscalates() {
    SplitChoice choice = policy.choose("auto", labels(Complexity.SIMPLE, 0.62, Intent.CHAT, 0.9));

    assertThat(choice.target()).isEqualTo("large");
    assertThat(choice.reason()).isEqualTo("escalated: SIMPLE only 62% < 80%");
  }

  @Test
  void complexPromptGoesToTheLargeModelWhateverItsConfidence() {
    assertThat(policy.choose("auto", labels(Complexity.COMPLEX, 0.55, Intent.WRITE, 0.9))
        .target()).isEqualTo("large");
  }

  @Test
  void confidentIntentWithItsOwnModelWinsOverComplexity() {
    assertThat(policy.choose("auto", labels(Complexity.COMPLEX, 0.99, Intent.CODE, 0.85))
        .target()).isEqualTo("coder");
  }

  @Test
  void uncertainIntentFallsBackToComplexity() {
    assertThat(policy.choose("auto", labels(Complexity.SIMPLE, 0.95, Intent.CODE, 0.5))
        .target()).isEqualTo("small");
  }

  @Test
  void escalationCarriesNoLabels() {
    SplitChoice choice = policy.escalate("auto", "classifier timed out");

    assertThat(choice.target()).isEqualTo("large");
    assertThat(choice.labels()).isEmpty();
    assertThat(choice.toString()).isEqualTo("auto -> large (escalated: classifier timed out)");
  }

  @Test
  void refusesAThresholdThatTrustsCoinFlips() {
    assertThatThrownBy(() -> new SplitPolicy("s", "l", 0.4, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0.5, 1]");
  }

  private static PromptClass labels(Complexity complexity, double c, Intent intent, double i) {
    return new PromptClass(complexity, c, intent, i);
  }
}
