package dev.fulcrum.inference.batching;

import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.TensorBackend;

/** Creates adaptive batchers, and backends that batch through them. */
public final class Batching {
  private Batching() {}

  /**
   * A batcher whose items each count as one.
   *
   * @param name names the batcher in error messages, e.g. the backend's name
   */
  public static <I, O> AdaptiveBatcher<I, O> batcher(String name, BatchSettings settings,
      Scheduler scheduler, BatchFunction<I, O> function) {
    return new SlaAwareBatcher<>(name, settings, scheduler, item -> 1, function);
  }

  /**
   * A batcher whose items count as {@code sizer} says, e.g. the rows of a tensor request:
   * batch and queue limits and the service-time model all count in that unit.
   */
  public static <I, O> AdaptiveBatcher<I, O> batcher(String name, BatchSettings settings,
      Scheduler scheduler, java.util.function.ToIntFunction<? super I> sizer,
      BatchFunction<I, O> function) {
    return new SlaAwareBatcher<>(name, settings, scheduler, sizer, function);
  }

  /** Wraps {@code backend} so that concurrent embedding requests share upstream calls. */
  public static BatchingEmbeddingBackend embeddings(EmbeddingBackend backend,
      BatchSettings settings, Scheduler scheduler) {
    return new EmbeddingBatcher(backend, settings, scheduler);
  }

  /** Wraps {@code backend} so that concurrent tensor requests share upstream inferences. */
  public static BatchingTensorBackend tensors(TensorBackend backend, BatchSettings settings,
      Scheduler scheduler) {
    return new TensorBatcher(backend, settings, scheduler);
  }
}
