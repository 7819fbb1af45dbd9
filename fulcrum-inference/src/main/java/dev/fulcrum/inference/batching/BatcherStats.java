package dev.fulcrum.inference.batching;

/**
 * A snapshot of one batcher, for metrics and inspection.
 *
 * @param queuedItems items waiting to join a batch
 * @param inFlightBatches batches running upstream
 * @param batches batches finished so far (succeeded or failed)
 * @param items items carried by those batches
 * @param serviceTime what the batcher has learned about batch cost
 */
public record BatcherStats(int queuedItems, int inFlightBatches, long batches, long items,
    ServiceTimeEstimate serviceTime) {

  /** The mean number of items per finished batch; 0 before the first. */
  public double meanBatchSize() {
    return batches == 0 ? 0 : (double) items / batches;
  }
}
