package dev.fulcrum.core.backend;

import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The pipeline every SPI call goes through: whatever an adapter throws or fails with comes out
 * as a failed stage holding a {@link FulcrumException}, so callers (retry, fallback, the HTTP
 * edge) deal with one closed set of failures.
 */
final class Calls {
  private Calls() {}

  static <T> CompletionStage<T> guard(Backend backend, Supplier<CompletionStage<T>> call) {
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
    return guarded;
  }

  static FulcrumException asFulcrum(Backend backend, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof FulcrumException fulcrum) {
      return fulcrum;
    }
    String name = backend.info().name();
    return new UpstreamUnavailableException(name, "backend '" + name + "' failed unexpectedly ("
        + cause.getClass().getSimpleName() + "); see the server log", cause);
  }
}
