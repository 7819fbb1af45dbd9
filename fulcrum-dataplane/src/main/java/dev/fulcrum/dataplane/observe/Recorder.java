package dev.fulcrum.dataplane.observe;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps the record of every request, on the request path: the answer is released only once the
 * record is durable, and if it cannot be written the request is refused (fail closed). For a
 * stream, the final {@code [DONE]} waits for the record. Unlike a {@link RequestObserver}, a
 * recorder's failure is the request's failure.
 */
@FunctionalInterface
public interface Recorder {
  Recorder NONE = outcome -> CompletableFuture.completedFuture(null);

  /** Completes once the record of {@code outcome} is durable; fails if it cannot be. */
  CompletionStage<Void> record(Outcome outcome);
}
