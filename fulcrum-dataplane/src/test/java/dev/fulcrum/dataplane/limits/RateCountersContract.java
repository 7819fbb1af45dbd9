package dev.fulcrum.dataplane.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.dataplane.health.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateCounters} does, in memory and in Redis alike: buckets hold a minute's
 * allowance, start full, refill continuously, take all or nothing, and adjust after the fact.
 */
abstract class RateCountersContract {
  protected final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
  protected final String prefix = "fulcrum-test:" + Long.toHexString(
      ThreadLocalRandom.current().nextLong()) + ":";
  protected RateCounters counters;

  /** Fresh counters reading {@code clock}. */
  protected abstract RateCounters create(InstantSource clock);

  @BeforeEach
  void open() {
    counters = create(clock);
  }

  @AfterEach
  void close() {
    counters.close();
  }

  protected Quota quota(String name, long perMinute) {
    return new Quota(prefix + "{t}:" + name, perMinute);
  }

  protected static Verdict take(RateCounters counters, Take... takes) {
    try {
      return counters.take(List.of(takes)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  protected Verdict take(Take... takes) {
    return take(counters, takes);
  }

  private void adjust(Quota quota, long tokens) throws Exception {
    counters.adjust(quota, tokens).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void aBucketStartsFullAndRefusesOnceEmptyWithTheTimeUntilATokenRefills() {
    Quota perMinute3 = quota("requests", 3);

    for (int i = 0; i < 3; i++) {
      assertThat(take(new Take(perMinute3, 1))).isEqualTo(Verdict.GRANTED);
    }
    Verdict fourth = take(new Take(perMinute3, 1));

    assertThat(fourth).isEqualTo(new Verdict.Refused(new Take(perMinute3, 1),
        Duration.ofSeconds(20)));
  }

  @Test
  void refillsContinuouslyAtTheRatePerMinute() {
    Quota perMinute3 = quota("requests", 3);
    for (int i = 0; i < 3; i++) {
      take(new Take(perMinute3, 1));
    }

    clock.advance(Duration.ofSeconds(19));
    assertThat(take(new Take(perMinute3, 1))).isInstanceOf(Verdict.Refused.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(take(new Take(perMinute3, 1))).isEqualTo(Verdict.GRANTED);
    assertThat(take(new Take(perMinute3, 1))).isInstanceOf(Verdict.Refused.class);
  }

  @Test
  void neverRefillsBeyondAMinutesAllowance() {
    Quota perMinute3 = quota("requests", 3);
    take(new Take(perMinute3, 3));

    clock.advance(Duration.ofHours(2));

    assertThat(take(new Take(perMinute3, 3))).isEqualTo(Verdict.GRANTED);
    assertThat(take(new Take(perMinute3, 1))).isInstanceOf(Verdict.Refused.class);
  }

  @Test
  void takesFromAllBucketsOrFromNone() {
    Quota requests = quota("requests", 10);
    Quota tokens = quota("tokens", 100);
    assertThat(take(new Take(requests, 1), new Take(tokens, 100))).isEqualTo(Verdict.GRANTED);

    Verdict refused = take(new Take(requests, 1), new Take(tokens, 1));

    assertThat(refused).isInstanceOf(Verdict.Refused.class);
    assertThat(((Verdict.Refused) refused).limiting().quota()).isEqualTo(tokens);
    // the refused take left the request bucket alone: 9 remain
    assertThat(take(new Take(requests, 9))).isEqualTo(Verdict.GRANTED);
  }

  @Test
  void namesTheBucketThatNeedsTheLongestWait() {
    Quota fast = quota("fast", 60);
    Quota slow = quota("slow", 6);
    take(new Take(fast, 60), new Take(slow, 6));

    Verdict refused = take(new Take(fast, 6), new Take(slow, 1));

    assertThat(refused).isEqualTo(new Verdict.Refused(new Take(slow, 1), Duration.ofSeconds(10)));
  }

  @Test
  void aRefundReturnsTokensButNeverFillsBeyondFull() throws Exception {
    Quota tokens = quota("tokens", 10);
    take(new Take(tokens, 5));

    adjust(tokens, -8);

    assertThat(take(new Take(tokens, 10))).isEqualTo(Verdict.GRANTED);
    assertThat(take(new Take(tokens, 1))).isInstanceOf(Verdict.Refused.class);
  }

  @Test
  void aChargeMayTakeTheBucketBelowZeroSoLaterTakesWaitLonger() throws Exception {
    Quota tokens = quota("tokens", 60);
    take(new Take(tokens, 60));

    adjust(tokens, 30);

    assertThat(take(new Take(tokens, 1))).isEqualTo(new Verdict.Refused(new Take(tokens, 1),
        Duration.ofSeconds(31)));
    clock.advance(Duration.ofSeconds(31));
    assertThat(take(new Take(tokens, 1))).isEqualTo(Verdict.GRANTED);
  }

  @Test
  void bucketsWithDifferentKeysAreIndependent() {
    Quota acme = new Quota(prefix + "{acme}:requests", 1);
    Quota globex = new Quota(prefix + "{globex}:requests", 1);
    take(new Take(acme, 1));

    assertThat(take(new Take(globex, 1))).isEqualTo(Verdict.GRANTED);
  }
}
