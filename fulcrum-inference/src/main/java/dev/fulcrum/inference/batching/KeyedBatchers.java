package dev.fulcrum.inference.batching;

import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The batchers of one batching backend, one per batch key (requests that may share a batch),
 * created on first use. Past {@link #MAX_KEYS} keys no more are created and callers go
 * unbatched, so a caller varying a field per request cannot grow this without bound.
 */
final class KeyedBatchers<I, O> implements AutoCloseable {
  static final int MAX_KEYS = 64;

  private final ConcurrentHashMap<String, AdaptiveBatcher<I, O>> byKey =
      new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** The batcher for {@code key}, created by {@code create} if needed; empty when full. */
  Optional<AdaptiveBatcher<I, O>> get(String key, Supplier<AdaptiveBatcher<I, O>> create) {
    AdaptiveBatcher<I, O> batcher = byKey.get(key);
    if (batcher != null) {
      return Optional.of(batcher);
    }
    if (byKey.size() >= MAX_KEYS) {
      return Optional.empty();
    }
    batcher = byKey.computeIfAbsent(key, k -> create.get());
    if (closed) {
      // raced with close(): make sure this batcher refuses work like the others
      batcher.close();
    }
    return Optional.of(batcher);
  }

  Map<String, BatcherStats> stats() {
    Map<String, BatcherStats> stats = new TreeMap<>();
    byKey.forEach((key, batcher) -> stats.put(key, batcher.stats()));
    return stats;
  }

  @Override
  public void close() {
    closed = true;
    byKey.values().forEach(AdaptiveBatcher::close);
  }

  /**
   * Runs {@code call} so that whatever it throws or fails with arrives as a failed stage
   * holding a {@link FulcrumException}, like the SPI's own pipeline methods.
   */
  static <T> CompletionStage<T> guard(String backend, Supplier<CompletionStage<T>> call) {
    CompletionStage<T> stage;
    try {
      stage = call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(asFulcrum(backend, e));
    }
    CompletableFuture<T> guarded = new CompletableFuture<>();
    stage.whenComplete((value, error) -> {
      if (error == null) {
        guarded.complete(value);
      } else {
        guarded.completeExceptionally(asFulcrum(backend, error));
      }
    });
    guarded.whenComplete((value, error) -> {
      if (guarded.isCancelled()) {
        stage.toCompletableFuture().cancel(false);
      }
    });
    return guarded;
  }

  private static FulcrumException asFulcrum(String backend, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof FulcrumException fulcrum) {
      return fulcrum;
    }
    return new UpstreamUnavailableException(backend, "batching for backend '" + backend
        + "' failed unexpectedly (" + cause.getClass().getSimpleName() + "); see the server log",
        cause);
  }
}
