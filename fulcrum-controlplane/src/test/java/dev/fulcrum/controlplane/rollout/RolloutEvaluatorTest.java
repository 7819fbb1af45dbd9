package dev.fulcrum.controlplane.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutEvaluatorTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  private static final RolloutPolicy POLICY = new RolloutPolicy(List.of(
      new Guard.ErrorRate(0.05), new Guard.P95Latency(Duration.ofMillis(800)),
      new Guard.ShadowAgreement(0.9, 0.85)), Duration.ofMinutes(5), 10, 100, 20,
      Duration.ofMinutes(10), true, true);

  private static WindowSnapshot window(long requests, long errors, double p95, long pairs,
      long agreed) {
    return new WindowSnapshot(Duration.ofMinutes(5), new VersionStats(1000, 5, 300),
        new VersionStats(requests, errors, p95), new ShadowStats(pairs, agreed, 0));
  }

  @Test
  void rollsBackOnABreachAndKeepsTheNumbersThatCausedIt() {
    RolloutEvaluator evaluator = new RolloutEvaluator(POLICY);

    Verdict verdict = evaluator.evaluate(window(40, 8, 300, 0, 0), T0);

    assertThat(verdict).isInstanceOf(Verdict.Rollback.class);
    assertThat(verdict.reason()).isEqualTo("error_rate 0.200 violates 0.050 over 40 requests");
    assertThat(verdict.results().getFirst()).satisfies(r -> {
      assertThat(r.status()).isEqualTo(GuardResult.Status.BREACHED);
      assertThat(r.value()).isEqualTo(0.2);
      assertThat(r.samples()).isEqualTo(40);
    });
    assertThat(verdict.window().candidate().errors()).isEqualTo(8);
  }

  @Test
  void holdsWhileABreachRestsOnTooFewSamples() {
    Verdict verdict = new RolloutEvaluator(POLICY).evaluate(window(10, 5, 300, 0, 0), T0);

    assertThat(verdict).isInstanceOf(Verdict.Hold.class);
    assertThat(verdict.reason()).contains("error_rate has 10 of 20 requests needed");
  }

  @Test
  void promotesOnlyAfterEveryGuardStaysHealthyForTheWholeDuration() {
    RolloutEvaluator evaluator = new RolloutEvaluator(POLICY);
    WindowSnapshot healthy = window(500, 3, 400, 200, 195);

    assertThat(evaluator.evaluate(healthy, T0)).isInstanceOf(Verdict.Hold.class);
    assertThat(evaluator.evaluate(healthy, T0.plus(Duration.ofMinutes(9))).reason())
        .isEqualTo("healthy for 540s of 600s needed");
    Verdict verdict = evaluator.evaluate(healthy, T0.plus(Duration.ofMinutes(10)));

    assertThat(verdict).isInstanceOf(Verdict.Promote.class);
    assertThat(verdict.results()).extracting(GuardResult::status)
        .containsOnly(GuardResult.Status.HEALTHY);
  }

  @Test
  void aGapInHealthRestartsTheHealthyClock() {
    RolloutEvaluator evaluator = new RolloutEvaluator(POLICY);
    WindowSnapshot healthy = window(500, 3, 400, 200, 195);
    evaluator.evaluate(healthy, T0);
    evaluator.evaluate(window(500, 3, 400, 50, 49), T0.plus(Duration.ofMinutes(5)));

    Verdict verdict = evaluator.evaluate(healthy, T0.plus(Duration.ofMinutes(11)));

    assertThat(verdict).isInstanceOf(Verdict.Hold.class);
    assertThat(verdict.reason()).startsWith("healthy for 0s");
  }

  @Test
  void rollsBackWhenShadowAnswersDisagree() {
    Verdict verdict = new RolloutEvaluator(POLICY).evaluate(window(500, 3, 400, 100, 60), T0);

    assertThat(verdict).isInstanceOf(Verdict.Rollback.class);
    assertThat(verdict.reason()).contains("shadow_agreement 0.600 violates 0.900 over 100");
  }

  @Test
  void rollsBackOnSlowP95() {
    Verdict verdict = new RolloutEvaluator(POLICY).evaluate(window(500, 3, 1200, 200, 195),
        T0);

    assertThat(verdict).isInstanceOf(Verdict.Rollback.class);
    assertThat(verdict.reason()).startsWith("p95_latency_ms 1200.000 violates 800.000");
  }
}
