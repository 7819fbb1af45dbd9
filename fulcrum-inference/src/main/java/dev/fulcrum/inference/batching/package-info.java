/**
 * Adaptive, SLA-aware batching: an {@link dev.fulcrum.inference.batching.AdaptiveBatcher} that
 * coalesces concurrent submissions into batches, and decorators that put one in front of an
 * embedding backend ({@link dev.fulcrum.inference.batching.BatchingEmbeddingBackend}) or a
 * tensor backend ({@link dev.fulcrum.inference.batching.BatchingTensorBackend}). Everything is
 * created through {@link dev.fulcrum.inference.batching.Batching};
 * {@link dev.fulcrum.inference.batching.Batching#decorate} wraps a configured backend while
 * keeping all its capabilities (chat passes through, embeddings and tensors are batched).
 *
 * <p>How a batch is cut: see {@link dev.fulcrum.inference.batching.AdaptiveBatcher}. How its
 * cost is predicted: a line {@code base + perItem × n} fitted online to observed batches by
 * exponentially weighted least squares, seeded from
 * {@link dev.fulcrum.inference.batching.BatchSettings#expectedCost()} and readable through
 * {@link dev.fulcrum.inference.batching.BatcherStats#serviceTime()}.
 *
 * <p>Time comes from an injected {@link dev.fulcrum.inference.batching.Scheduler}; nothing here
 * reads the clock directly and nothing depends on Vert.x.
 */
package dev.fulcrum.inference.batching;
