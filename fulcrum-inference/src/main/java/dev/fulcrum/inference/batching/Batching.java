package dev.fulcrum.inference.batching;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.Capability;
import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.StreamingChatBackend;
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

  /**
   * Wraps {@code backend} so that its embeddings and tensor inferences are batched while it
   * keeps every capability it has: chat and streaming pass through untouched. The result
   * implements {@link BatchingEmbeddingBackend} and/or {@link BatchingTensorBackend} where the
   * backend embeds or runs tensors; a backend that does neither is returned as it is.
   *
   * @throws IllegalArgumentException for a mix of capabilities no decorator here keeps (today:
   *     chat without streaming next to embeddings, or chat next to tensors); batch such a
   *     backend with {@link #embeddings} or {@link #tensors} explicitly
   */
  public static Backend decorate(Backend backend, BatchSettings settings, Scheduler scheduler) {
    boolean chat = backend instanceof ChatBackend;
    boolean stream = backend instanceof StreamingChatBackend;
    boolean embed = backend instanceof EmbeddingBackend;
    boolean tensor = backend instanceof TensorBackend;
    if (!embed && !tensor) {
      return backend;
    }
    if (!chat && !stream) {
      if (embed && tensor) {
        return new TensorsWithBatchedEmbeddings(
            new TensorBatcher((TensorBackend) backend, settings, scheduler),
            new EmbeddingBatcher((EmbeddingBackend) backend, settings, scheduler));
      }
      return embed ? embeddings((EmbeddingBackend) backend, settings, scheduler)
          : tensors((TensorBackend) backend, settings, scheduler);
    }
    if (chat && stream && embed && !tensor) {
      return new ChatWithBatchedEmbeddings((ChatBackend) backend, (StreamingChatBackend) backend,
          new EmbeddingBatcher((EmbeddingBackend) backend, settings, scheduler));
    }
    throw new IllegalArgumentException("no batching decorator keeps every capability of backend '"
        + backend.info().name() + "' " + Capability.of(backend) + "; batch it with "
        + "Batching.embeddings or Batching.tensors");
  }
}
