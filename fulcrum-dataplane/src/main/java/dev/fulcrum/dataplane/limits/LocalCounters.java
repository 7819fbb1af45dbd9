package dev.fulcrum.dataplane.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RateCounters} in this process: one lock-free Bucket4j bucket per quota, refilled
 * greedily (continuously) at the quota's rate. A take first estimates every bucket, so a refusal
 * changes nothing; a take that loses a race for a later bucket gives back what it took and
 * decides again.
 */
final class LocalCounters implements RateCounters {
  private final ConcurrentHashMap<Quota, Bucket> buckets = new ConcurrentHashMap<>();
  private final TimeMeter time;

  LocalCounters(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    this.time = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L),
            now.getNano());
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }

  @Override
  public CompletionStage<Verdict> take(List<Take> takes) {
    return CompletableFuture.completedFuture(takeNow(List.copyOf(takes)));
  }

  private Verdict takeNow(List<Take> takes) {
    while (true) {
      Verdict.Refused refused = refusal(takes);
      if (refused != null) {
        return refused;
      }
      if (takeAll(takes)) {
        return Verdict.GRANTED;
      }
    }
  }

  /** The take that would wait longest, or {@code null} when all fit now. */
  private Verdict.Refused refusal(List<Take> takes) {
    Take worst = null;
    long worstWait = 0;
    for (Take take : takes) {
      EstimationProbe probe = bucket(take.quota()).estimateAbilityToConsume(take.amount());
      if (!probe.canBeConsumed() && (worst == null
          || probe.getNanosToWaitForRefill() > worstWait)) {
        worst = take;
        worstWait = probe.getNanosToWaitForRefill();
      }
    }
    return worst == null ? null : new Verdict.Refused(worst, Duration.ofNanos(worstWait));
  }

  private boolean takeAll(List<Take> takes) {
    for (int i = 0; i < takes.size(); i++) {
      if (!bucket(takes.get(i).quota()).tryConsume(takes.get(i).amount())) {
        for (int j = 0; j < i; j++) {
          bucket(takes.get(j).quota()).addTokens(takes.get(j).amount());
        }
        return false;
      }
    }
    return true;
  }

  @Override
  public CompletionStage<Void> adjust(Quota quota, long tokens) {
    if (tokens > 0) {
      bucket(quota).consumeIgnoringRateLimits(tokens);
    } else if (tokens < 0) {
      bucket(quota).addTokens(-tokens);
    }
    return CompletableFuture.completedFuture(null);
  }

  private Bucket bucket(Quota quota) {
    return buckets.computeIfAbsent(quota, q -> Bucket.builder()
        .addLimit(limit -> limit.capacity(q.perMinute())
            .refillGreedy(q.perMinute(), Duration.ofMinutes(1)))
        .withCustomTimePrecision(time)
        .build());
  }

  @Override
  public void close() {
    buckets.clear();
  }

  @Override
  public String toString() {
    return "RateCounters[in memory, " + buckets.size() + " buckets]";
  }
}
