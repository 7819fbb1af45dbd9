package dev.fulcrum.dataplane.limits;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@link RateCounters} in Redis: each take or adjustment is one Lua script (see
 * {@code buckets.lua}), which Redis runs atomically, so replicas never interleave between
 * reading a bucket and writing it back. Time is the caller's clock, sent with each call.
 */
final class RedisCounters implements RateCounters {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final long PERIOD_MILLIS = Duration.ofMinutes(1).toMillis();
  private static final LuaScript TAKE = LuaScript.load("buckets.lua", "take.lua");
  private static final LuaScript ADJUST = LuaScript.load("buckets.lua", "adjust.lua");

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final InstantSource clock;
  private final String where;

  private RedisCounters(RedisClient client, StatefulRedisConnection<String, String> connection,
      InstantSource clock, String where) {
    this.client = client;
    this.connection = connection;
    this.clock = clock;
    this.where = where;
  }

  static RedisCounters connect(String uri, InstantSource clock) {
    RedisURI parsed;
    try {
      parsed = RedisURI.create(uri);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Redis URI (redis://host:port): " + e.getMessage());
    }
    parsed.setTimeout(TIMEOUT);
    String where = parsed.getHost() + ":" + parsed.getPort();
    RedisClient client = RedisClient.create(parsed);
    client.setOptions(ClientOptions.builder()
        .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .build());
    try {
      return new RedisCounters(client, client.connect(StringCodec.UTF8), clock, where);
    } catch (RedisException e) {
      client.shutdown();
      throw new IllegalStateException("cannot reach Redis at " + where + " for rate limits ("
          + e.getMessage() + "); start it or remove store.redis from the config", e);
    }
  }

  @Override
  public CompletionStage<Verdict> take(List<Take> takes) {
    String[] keys = new String[takes.size()];
    String[] args = new String[2 + 2 * takes.size()];
    args[0] = Long.toString(clock.millis());
    args[1] = Long.toString(PERIOD_MILLIS);
    for (int i = 0; i < takes.size(); i++) {
      Take take = takes.get(i);
      keys[i] = take.quota().key();
      args[2 + 2 * i] = Long.toString(take.quota().perMinute());
      args[3 + 2 * i] = Long.toString(take.amount());
    }
    return this.<List<Long>>run(TAKE, ScriptOutputType.MULTI, keys, args).thenApply(reply ->
        reply.get(0) == 1 ? Verdict.GRANTED : new Verdict.Refused(
            takes.get(reply.get(1).intValue() - 1), Duration.ofMillis(reply.get(2))));
  }

  @Override
  public CompletionStage<Void> adjust(Quota quota, long tokens) {
    if (tokens == 0) {
      return CompletableFuture.completedFuture(null);
    }
    return this.<Long>run(ADJUST, ScriptOutputType.INTEGER, new String[] {quota.key()},
        new String[] {Long.toString(clock.millis()), Long.toString(PERIOD_MILLIS),
            Long.toString(quota.perMinute()), Long.toString(tokens)}).thenApply(ok -> null);
  }

  /** EVALSHA, falling back to EVAL (which also caches the script) when Redis lacks it. */
  private <T> CompletionStage<T> run(LuaScript script, ScriptOutputType type, String[] keys,
      String[] args) {
    var commands = connection.async();
    try {
      return commands.<T>evalsha(script.sha1(), type, keys, args)
          .exceptionallyCompose(error -> unwrap(error) instanceof RedisNoScriptException
              ? commands.<T>eval(script.text(), type, keys, args)
              : CompletableFuture.failedFuture(error));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, TIMEOUT);
  }

  @Override
  public String toString() {
    return "RateCounters[redis " + where + "]";
  }
}
