package dev.fulcrum.dataplane.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.error.UpstreamRejectedException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackendHealthTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
  private final BackendHealth health = new BackendHealth("nebius",
      new HealthSettings(50, 10, 4, Duration.ofSeconds(30), 2, 0.5), clock);

  private void call(boolean ok, Duration took) {
    var permit = health.tryAcquire().orElseThrow();
    clock.advance(took);
    if (ok) {
      permit.succeeded();
    } else {
      permit.failed(new UpstreamUnavailableException("nebius", 503, "HTTP 503", null));
    }
  }

  @Test
  void opensAfterTooManyFailuresThenProbesAndCloses() {
    call(true, Duration.ofMillis(100));
    call(false, Duration.ofMillis(100));
    call(false, Duration.ofMillis(100));
    call(false, Duration.ofMillis(100));

    var open = health.snapshot();
    assertThat(open.breaker()).isEqualTo(BreakerState.OPEN);
    assertThat(open.why()).isEqualTo("circuit open after 75% failed calls");
    assertThat(open.availableAt()).isEqualTo(clock.instant().plusSeconds(30));
    assertThat(health.tryAcquire()).isEmpty();

    clock.advance(Duration.ofSeconds(31));
    call(true, Duration.ofMillis(50));
    assertThat(health.snapshot().breaker()).isEqualTo(BreakerState.HALF_OPEN);
    call(true, Duration.ofMillis(50));
    assertThat(health.snapshot().breaker()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void callerMistakesDoNotCountAgainstTheBackend() {
    for (int i = 0; i < 8; i++) {
      health.tryAcquire().orElseThrow().failed(new UpstreamRejectedException("nebius", 400, "bad"));
    }
    assertThat(health.snapshot().breaker()).isEqualTo(BreakerState.CLOSED);
    assertThat(health.snapshot().errorRate()).isZero();
  }

  @Test
  void honoursAnUpstreamRetryAfter() {
    health.tryAcquire().orElseThrow().failed(new RateLimitedException("slow down",
        Duration.ofSeconds(7)));

    var snapshot = health.snapshot();
    assertThat(snapshot.availableAt(clock.instant())).isFalse();
    assertThat(snapshot.why()).contains("Retry-After");
    assertThat(health.tryAcquire()).isEmpty();
    clock.advance(Duration.ofSeconds(7));
    assertThat(health.tryAcquire()).isPresent();
  }

  @Test
  void tracksLatencyAndCallsInFlight() {
    call(true, Duration.ofMillis(100));
    call(true, Duration.ofMillis(300));
    var permit = health.tryAcquire().orElseThrow();

    assertThat(health.snapshot().latencyMicros()).isEqualTo(200_000);
    assertThat(health.snapshot().inFlight()).isEqualTo(1);
    permit.succeeded();
    permit.succeeded();
    assertThat(health.snapshot().inFlight()).isZero();
  }

  @Test
  void aBudgetOfFallbacksRefillsWithTraffic() {
    var budget = new RetryBudget(0.5, 2, 3);
    assertThat(budget.trySpend()).isTrue();
    assertThat(budget.trySpend()).isTrue();
    assertThat(budget.trySpend()).isFalse();
    budget.deposit();
    budget.deposit();
    assertThat(budget.trySpend()).isTrue();
    assertThat(budget.trySpend()).isFalse();
  }

  @Test
  void aQuietPeriodSavesUpOnlyToTheCap() {
    var budget = new RetryBudget(0.5, 0, 3);
    for (int i = 0; i < 100; i++) {
      budget.deposit();
    }
    int spent = 0;
    while (budget.trySpend()) {
      spent++;
    }
    assertThat(spent).isEqualTo(3);
  }
}
