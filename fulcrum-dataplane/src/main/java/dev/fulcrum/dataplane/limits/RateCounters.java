package dev.fulcrum.dataplane.limits;

import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Token buckets, in this process or shared by every replica through Redis. Both implementations
 * keep the same buckets: a {@link Quota} holds up to a minute's allowance, refills continuously,
 * and starts full; time comes from the injected clock.
 *
 * <p>Thread-safe. Calls never block: they complete at once (in memory) or when Redis answers,
 * on Redis's I/O thread, so callers should hand heavy continuations to their own executor.
 */
public interface RateCounters extends AutoCloseable {

  /**
   * Takes every amount from its bucket, or nothing at all when any bucket holds too little.
   * In Redis the whole check-and-take is one atomic script, so concurrent takes on any number
   * of replicas never grant more than the buckets hold.
   *
   * @return {@link Verdict#GRANTED}, or {@link Verdict.Refused} naming the take that needs the
   *     longest wait; fails when the counters cannot be reached
   */
  CompletionStage<Verdict> take(List<Take> takes);

  /**
   * Corrects a bucket after the fact: a positive {@code tokens} charges more than was taken and
   * may leave the bucket below zero, so later takes wait until it refills; a negative one
   * refunds, never beyond full.
   */
  CompletionStage<Void> adjust(Quota quota, long tokens);

  /** Releases connections; buckets kept in Redis stay there for other replicas. */
  @Override
  void close();

  /** Buckets in this process: exact for one gateway, the embedded default. Uses Bucket4j. */
  static RateCounters inMemory(InstantSource clock) {
    return new LocalCounters(clock);
  }

  /**
   * Buckets in Redis, shared by every gateway replica that names the same server, so a limit
   * holds exactly across all of them. Connects before returning; later outages fail calls fast
   * (within a second) and the client reconnects by itself.
   *
   * @param uri {@code redis://[:password@]host[:port][/database]} or {@code rediss://…}
   * @param clock the time refills are computed from; replicas should share NTP time
   * @throws IllegalArgumentException when {@code uri} is not a Redis URI
   * @throws IllegalStateException when Redis cannot be reached
   */
  static RateCounters redis(String uri, InstantSource clock) {
    return RedisCounters.connect(uri, clock);
  }
}
