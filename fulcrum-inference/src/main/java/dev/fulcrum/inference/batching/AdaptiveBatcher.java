package dev.fulcrum.inference.batching;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Coalesces concurrent submissions into batches run by one batch function, answering each
 * submission with its own result.
 *
 * <p>A batch is sent when the first of these happens:
 * <ol>
 *   <li>it is full ({@link BatchSettings#maxBatchSize()} items);
 *   <li>its oldest item has waited {@link BatchSettings#maxWait()};
 *   <li>waiting longer would miss a deadline: the earliest deadline among its items minus the
 *       predicted service time of the batch ({@link ServiceTimeEstimate#upperBound}) has come.
 * </ol>
 * and a slot is free: at most {@link BatchSettings#maxInFlight()} batches run at once. While
 * every slot is busy, items queue and the next batch leaves as soon as one frees, so batches
 * grow with load. Items leave in arrival order.
 *
 * <p>Failure semantics: when the batch function fails, every member fails with that failure.
 * When the queue holds {@link BatchSettings#maxQueue()} items, submissions fail at once with a
 * retriable {@link dev.fulcrum.core.error.ServiceUnavailableException}. Cancelling a member's
 * stage before its batch leaves removes it from the queue; after, its result is dropped — the
 * other members are never affected.
 *
 * <p>Thread-safe. The batch function is called without locks held, from the submitting
 * thread, a timer task or the completion of an earlier batch; it must not block.
 *
 * @param <I> an item, e.g. one text to embed
 * @param <O> the result for one item
 */
public interface AdaptiveBatcher<I, O> extends AutoCloseable {

  /**
   * Queues one item. Never throws; a refusal arrives as a failed stage.
   *
   * @param deadline when the caller needs the answer by, counted from now
   */
  CompletionStage<O> submit(I item, Deadline deadline);

  /**
   * Queues several items at once, all or none (a refusal for lack of room leaves nothing
   * queued). They may be spread over several batches. The stage fails as soon as any item
   * fails, and then calls the others off; cancelling it calls them all off.
   */
  CompletionStage<List<O>> submitAll(List<? extends I> items, Deadline deadline);

  /** What the batcher is doing and has learned, now. */
  BatcherStats stats();

  /** Refuses new items and fails queued ones; running batches finish. Idempotent. */
  @Override
  void close();
}
