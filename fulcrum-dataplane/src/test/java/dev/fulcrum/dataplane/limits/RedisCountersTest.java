package dev.fulcrum.dataplane.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Redis buckets keep the {@link RateCountersContract}, and several replicas sharing one
 * Redis grant exactly what the buckets hold.
 */
class RedisCountersTest extends RateCountersContract {
  @Override
  protected RateCounters create(InstantSource clock) {
    return TestRedis.counters(clock);
  }

  @Test
  void twoReplicasRacingForOneBucketAreGrantedExactlyItsTokens() throws Exception {
    Quota shared = quota("requests", 100);
    try (RateCounters other = TestRedis.counters(clock)) {
      List<CompletionStage<Verdict>> attempts = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        attempts.add(counters.take(List.of(new Take(shared, 1))));
        attempts.add(other.take(List.of(new Take(shared, 1))));
      }

      long granted = 0;
      for (CompletionStage<Verdict> attempt : attempts) {
        if (attempt.toCompletableFuture().get(10, TimeUnit.SECONDS) == Verdict.GRANTED) {
          granted++;
        }
      }

      assertThat(granted).isEqualTo(100);
    }
  }

  @Test
  void keepsWorkingWhenRedisForgetsTheScripts() throws Exception {
    Quota quota = quota("requests", 5);
    take(new Take(quota, 1));

    try (var direct = RedisClient.create(TestRedis.url());
        StatefulRedisConnection<String, String> connection = direct.connect()) {
      connection.sync().scriptFlush();
    }

    assertThat(take(new Take(quota, 4))).isEqualTo(Verdict.GRANTED);
    assertThat(take(new Take(quota, 1))).isInstanceOf(Verdict.Refused.class);
  }

  @Test
  void bucketKeysExpireOnceTheyWouldBeFullAgain() throws Exception {
    Quota quota = quota("requests", 60);
    take(new Take(quota, 30));

    try (var direct = RedisClient.create(TestRedis.url());
        StatefulRedisConnection<String, String> connection = direct.connect()) {
      // half empty at 60 per minute: full again in 30 s, plus a second's grace
      assertThat(connection.sync().pttl(quota.key())).isPositive().isLessThanOrEqualTo(31_000L);
      take(new Take(quota, 30));
      counters.adjust(quota, -60).toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertThat(connection.sync().exists(quota.key())).as("a full bucket is deleted").isZero();
    }
  }

  @Test
  void refusesToStartWhenRedisIsUnreachable() {
    assertThatThrownBy(() -> RateCounters.redis("redis://127.0.0.1:1", clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot reach Redis at 127.0.0.1:1");
  }

  @Test
  void failsFastOnceRedisGoesAway() {
    RateCounters closed = TestRedis.counters(clock);
    closed.close();

    CompletableFuture<Verdict> attempt = closed.take(List.of(new Take(quota("x", 1), 1)))
        .toCompletableFuture();

    assertThat(attempt).failsWithin(Duration.ofSeconds(5));
  }
}
