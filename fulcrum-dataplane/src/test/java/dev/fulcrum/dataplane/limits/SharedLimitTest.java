package dev.fulcrum.dataplane.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.health.MutableClock;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.routing.TokenEstimate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two gateway replicas, each with its own limiter and Redis connection, enforce one limit. */
class SharedLimitTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final String prefix = "fulcrum-test:" + Long.toHexString(
      ThreadLocalRandom.current().nextLong()) + ":";
  private final Tenant acme = new Tenant("acme");
  private RateCounters first;
  private RateCounters second;

  @BeforeEach
  void connect() {
    first = TestRedis.counters(clock);
    second = TestRedis.counters(clock);
  }

  @AfterEach
  void disconnect() {
    first.close();
    second.close();
  }

  private Limiter replica(RateCounters counters, TenantLimits limits) {
    return Limiter.builder(counters).limits(Map.of("acme", limits)).keyPrefix(prefix)
        .clock(clock).build();
  }

  @Test
  void aSharedLimitOf100RequestsPerMinuteAdmitsExactly100AcrossBothReplicas()
      throws Exception {
    TenantLimits limits = new TenantLimits(100, 0, TenantLimits.NO_BUDGET);
    Limiter one = replica(first, limits);
    Limiter two = replica(second, limits);
    List<CompletionStage<Admitted>> attempts = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      attempts.add(one.admit(new RequestContext("one_" + i, acme), "chat", TokenEstimate.ZERO));
      attempts.add(two.admit(new RequestContext("two_" + i, acme), "chat", TokenEstimate.ZERO));
    }

    int admitted = 0;
    int limited = 0;
    for (CompletionStage<Admitted> attempt : attempts) {
      try {
        attempt.toCompletableFuture().get(10, TimeUnit.SECONDS);
        admitted++;
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(RateLimitedException.class);
        limited++;
      }
    }

    assertThat(admitted).isEqualTo(100);
    assertThat(limited).isEqualTo(200);
  }

  @Test
  void aRefundOnOneReplicaIsSeenByTheOther() throws Exception {
    TenantLimits limits = new TenantLimits(0, 1_000, TenantLimits.NO_BUDGET);
    Limiter one = replica(first, limits);
    Limiter two = replica(second, limits);
    RequestContext big = new RequestContext("big", acme);
    one.admit(big, "chat", new TokenEstimate(200, 800)).toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    one.observe(Outcomes.completed(big, 20, 30));
    // the refund is sent without waiting; a later command on the same connection completes
    // only after it
    first.take(List.of(new Take(new Quota(prefix + "{fence}", 1), 1))).toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    two.admit(new RequestContext("next", acme), "chat", new TokenEstimate(450, 500))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
