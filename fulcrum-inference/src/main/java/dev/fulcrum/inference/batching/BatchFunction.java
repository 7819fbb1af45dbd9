package dev.fulcrum.inference.batching;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Runs one batch upstream.
 *
 * @param <I> an item
 * @param <O> the result for one item
 */
@FunctionalInterface
public interface BatchFunction<I, O> {

  /**
   * Starts running {@code items} as one batch. Must not block. The stage completes with exactly
   * one result per item, in the same order; failing it (or throwing) fails every item.
   *
   * @param items the batch, unmodifiable, never empty
   */
  CompletionStage<List<O>> run(List<I> items);
}
