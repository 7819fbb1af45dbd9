package dev.fulcrum.dataplane.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.health.MutableClock;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.routing.TokenEstimate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits, token reservations and budgets, with in-memory buckets and a clock moved by hand. */
class LimiterTest {
  private static final Tenant ACME = new Tenant("acme");
  private static final TokenEstimate SMALL = new TokenEstimate(5, 5);

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final RateCounters counters = RateCounters.inMemory(clock);
  private final Map<String, Double> spent = new ConcurrentHashMap<>();
  private final AtomicInteger requestIds = new AtomicInteger();

  @AfterEach
  void closeCounters() {
    counters.close();
  }

  private Limiter limiter(TenantLimits limits) {
    return Limiter.builder(counters)
        .limits(Map.of("acme", limits))
        .spending(tenant -> spent.getOrDefault(tenant, 0.0))
        .clock(clock)
        .build();
  }

  private RequestContext request() {
    return new RequestContext("req_" + requestIds.incrementAndGet(), ACME);
  }

  private static Admitted admitted(Limiter limiter, RequestContext context,
      TokenEstimate estimate) {
    try {
      return limiter.admit(context, "chat", estimate).toCompletableFuture()
          .get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("expected the request to be admitted", e);
    }
  }

  private Admitted admitted(Limiter limiter, TokenEstimate estimate) {
    return admitted(limiter, request(), estimate);
  }

  private RateLimitedException refused(Limiter limiter, TokenEstimate estimate) {
    try {
      limiter.admit(request(), "chat", estimate).toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(RateLimitedException.class);
      return (RateLimitedException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a refusal");
  }

  @Test
  void aTenantWithoutLimitsIsAlwaysAdmittedWithinBudget() {
    Limiter limiter = Limiter.builder(counters).clock(clock).build();

    for (int i = 0; i < 1_000; i++) {
      assertThat(admitted(limiter, new TokenEstimate(100_000, 100_000)))
          .isEqualTo(Admitted.WITHIN_BUDGET);
    }
  }

  @Test
  void theFourthRequestInAMinuteIsRefusedNamingTheLimitWithRetryAfter() {
    Limiter limiter = limiter(new TenantLimits(3, 0, TenantLimits.NO_BUDGET));
    for (int i = 0; i < 3; i++) {
      admitted(limiter, SMALL);
    }

    RateLimitedException refusal = refused(limiter, SMALL);

    assertThat(refusal).hasMessage("tenant acme is over its 3 requests per minute; retry in 20 s");
    assertThat(refusal.retryAfter()).hasValue(Duration.ofSeconds(20));
  }

  @Test
  void retryAfterRoundsUpToWholeSeconds() {
    Limiter limiter = limiter(new TenantLimits(3, 0, TenantLimits.NO_BUDGET));
    for (int i = 0; i < 3; i++) {
      admitted(limiter, SMALL);
    }
    clock.advance(Duration.ofMillis(17_500));

    assertThat(refused(limiter, SMALL).retryAfter()).hasValue(Duration.ofSeconds(3));
  }

  @Test
  void requestsAreAdmittedAgainAsTheBucketRefills() {
    Limiter limiter = limiter(new TenantLimits(3, 0, TenantLimits.NO_BUDGET));
    for (int i = 0; i < 3; i++) {
      admitted(limiter, SMALL);
    }
    refused(limiter, SMALL);

    clock.advance(Duration.ofSeconds(20));

    admitted(limiter, SMALL);
    refused(limiter, SMALL);
  }

  @Test
  void tokensPerMinuteReserveTheEstimateAndSayWhatTheRequestNeeds() {
    Limiter limiter = limiter(new TenantLimits(0, 1_000, TenantLimits.NO_BUDGET));
    admitted(limiter, new TokenEstimate(100, 500));

    RateLimitedException refusal = refused(limiter, new TokenEstimate(100, 500));

    assertThat(refusal).hasMessage("tenant acme is over its 1000 tokens per minute (this "
        + "request reserves 600 tokens: its prompt and max_tokens); retry in 12 s");
    assertThat(refusal.retryAfter()).hasValue(Duration.ofSeconds(12));
  }

  @Test
  void unusedReservedTokensAreRefundedWhenTheRequestEnds() {
    Limiter limiter = limiter(new TenantLimits(0, 1_000, TenantLimits.NO_BUDGET));
    RequestContext first = request();
    admitted(limiter, first, new TokenEstimate(100, 500));

    limiter.observe(Outcomes.completed(first, 60, 40));

    admitted(limiter, new TokenEstimate(100, 800));
    refused(limiter, new TokenEstimate(1, 0));
  }

  @Test
  void tokensUsedBeyondTheReservationAreChargedSoLaterRequestsWait() {
    Limiter limiter = limiter(new TenantLimits(0, 1_000, TenantLimits.NO_BUDGET));
    RequestContext first = request();
    admitted(limiter, first, new TokenEstimate(50, 50));

    limiter.observe(Outcomes.completed(first, 300, 600));

    assertThat(refused(limiter, new TokenEstimate(100, 100)).retryAfter())
        .hasValue(Duration.ofSeconds(6));
    admitted(limiter, new TokenEstimate(50, 50));
  }

  @Test
  void aFailedRequestRefundsItsWholeReservation() {
    Limiter limiter = limiter(new TenantLimits(0, 1_000, TenantLimits.NO_BUDGET));
    RequestContext first = request();
    admitted(limiter, first, new TokenEstimate(500, 500));

    limiter.observe(Outcomes.failed(first));

    admitted(limiter, new TokenEstimate(500, 500));
  }

  @Test
  void anAnswerWithoutReportedUsageKeepsTheEstimate() {
    Limiter limiter = limiter(new TenantLimits(0, 1_000, TenantLimits.NO_BUDGET));
    RequestContext first = request();
    admitted(limiter, first, new TokenEstimate(500, 500));

    limiter.observe(Outcomes.completed(first, 0, 0));

    refused(limiter, new TokenEstimate(1, 0));
  }

  @Test
  void aReservationIsReconciledOnlyOnce() {
    Limiter limiter = limiter(new TenantLimits(0, 1_000, TenantLimits.NO_BUDGET));
    RequestContext first = request();
    admitted(limiter, first, new TokenEstimate(250, 250));
    admitted(limiter, new TokenEstimate(150, 150));

    limiter.observe(Outcomes.failed(first));
    limiter.observe(Outcomes.failed(first));

    admitted(limiter, new TokenEstimate(350, 350));
    refused(limiter, new TokenEstimate(1, 0));
  }

  @Test
  void aReservationWhoseRequestNeverEndsExpiresAndTheEstimateStands() {
    Limiter limiter = Limiter.builder(counters)
        .limits(Map.of("acme", new TenantLimits(0, 1_000, TenantLimits.NO_BUDGET)))
        .reservationTimeout(Duration.ofSeconds(10))
        .clock(clock)
        .build();
    RequestContext abandoned = request();
    admitted(limiter, abandoned, new TokenEstimate(300, 300));

    clock.advance(Duration.ofSeconds(11));
    limiter.observe(Outcomes.completed(abandoned, 10, 10));

    // 400 left + 183 refilled in 11 s; a reconciled reservation would have refunded 580
    refused(limiter, new TokenEstimate(300, 300));
  }

  @Test
  void anEstimateBeyondTheMinutesAllowanceReservesTheWholeMinute() {
    Limiter limiter = limiter(new TenantLimits(0, 100, TenantLimits.NO_BUDGET));

    admitted(limiter, new TokenEstimate(50, 4_096));

    refused(limiter, new TokenEstimate(1, 0));
  }

  @Test
  void requestsAndTokensAreTakenTogetherOrNotAtAll() {
    Limiter limiter = limiter(new TenantLimits(2, 100, TenantLimits.NO_BUDGET));
    RequestContext first = request();
    admitted(limiter, first, new TokenEstimate(50, 50));
    refused(limiter, new TokenEstimate(10, 0));
    limiter.observe(Outcomes.failed(first));

    admitted(limiter, new TokenEstimate(10, 0));
    assertThat(refused(limiter, new TokenEstimate(10, 0)))
        .hasMessageContaining("over its 2 requests per minute");
  }

  @Test
  void tenantsHaveTheirOwnBuckets() {
    Limiter limiter = Limiter.builder(counters)
        .limits(Map.of("acme", new TenantLimits(1, 0, TenantLimits.NO_BUDGET),
            "globex", new TenantLimits(1, 0, TenantLimits.NO_BUDGET)))
        .clock(clock)
        .build();
    admitted(limiter, SMALL);

    admitted(limiter, new RequestContext("req_g", new Tenant("globex")), SMALL);
  }

  @Test
  void crossingTheMonthlyBudgetFlipsBudgetExhaustedAndNamesTheBudget() {
    Limiter limiter = limiter(new TenantLimits(0, 0, 500));
    spent.put("acme", 499.99);
    assertThat(admitted(limiter, SMALL)).isEqualTo(Admitted.WITHIN_BUDGET);

    spent.put("acme", 500.12);

    assertThat(admitted(limiter, SMALL)).isEqualTo(new Admitted(true,
        "monthly budget $500.00 for tenant acme ($500.12 spent)"));
  }

  @Test
  void aBudgetOfZeroLeavesOnlyFreeRoutes() {
    Limiter limiter = limiter(new TenantLimits(0, 0, 0));

    assertThat(admitted(limiter, SMALL).budgetExhausted()).isTrue();
  }

  @Test
  void budgetsBelowACentAreShownWithTheirSignificantDigits() {
    Limiter limiter = limiter(new TenantLimits(0, 0, 0.00005));
    spent.put("acme", 0.0000725);

    assertThat(admitted(limiter, SMALL).budget())
        .isEqualTo("monthly budget $0.00005 for tenant acme ($0.0000725 spent)");
  }

  @Test
  void aRateLimitedRequestIsRefusedEvenWhenItsBudgetIsSpent() {
    Limiter limiter = limiter(new TenantLimits(1, 0, 0));
    admitted(limiter, SMALL);

    refused(limiter, SMALL);
  }

  @Test
  void admitsWithoutRateLimitsWhileTheCountersCannotBeReached() {
    RateCounters unreachable = new RateCounters() {
      @Override
      public CompletionStage<Verdict> take(List<Take> takes) {
        return CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
      }

      @Override
      public CompletionStage<Void> adjust(Quota quota, long tokens) {
        return CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
      }

      @Override
      public void close() {}
    };
    spent.put("acme", 9.0);
    Limiter limiter = Limiter.builder(unreachable)
        .limits(Map.of("acme", new TenantLimits(1, 10, 5)))
        .spending(tenant -> spent.getOrDefault(tenant, 0.0))
        .clock(clock)
        .build();

    for (int i = 0; i < 3; i++) {
      assertThat(admitted(limiter, SMALL).budgetExhausted()).as("budgets still hold").isTrue();
    }
  }
}
