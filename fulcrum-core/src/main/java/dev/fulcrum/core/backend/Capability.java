package dev.fulcrum.core.backend;

import java.util.EnumSet;
import java.util.Set;

/** What a backend can do, derived from the SPI interfaces it implements. */
public enum Capability {
  CHAT,
  CHAT_STREAM,
  EMBEDDINGS,
  /** Tensor inference in the Open Inference Protocol v2 shape ({@link TensorBackend}). */
  TENSORS,
  /** Requests may be coalesced into batches by an adaptive batcher. */
  BATCHING;

  /** The capabilities of {@code backend}, read off its interfaces once. */
  public static Set<Capability> of(Backend backend) {
    Set<Capability> set = EnumSet.noneOf(Capability.class);
    if (backend instanceof ChatBackend) {
      set.add(CHAT);
    }
    if (backend instanceof StreamingChatBackend) {
      set.add(CHAT_STREAM);
    }
    if (backend instanceof EmbeddingBackend) {
      set.add(EMBEDDINGS);
    }
    if (backend instanceof TensorBackend) {
      set.add(TENSORS);
    }
    if (backend.info().batches()) {
      set.add(BATCHING);
    }
    return Set.copyOf(set);
  }
}
