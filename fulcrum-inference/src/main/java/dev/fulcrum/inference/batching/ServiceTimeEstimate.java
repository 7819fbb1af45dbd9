package dev.fulcrum.inference.batching;

import java.time.Duration;

/**
 * A snapshot of what a batcher believes a batch costs: {@code base + n × perItem}, give or
 * take {@code spread}.
 *
 * @param base the fitted fixed cost per batch
 * @param perItem the fitted cost per item
 * @param spread the recent typical error of that fit (root mean square residual)
 * @param observations batches observed so far; 0 means the estimate is the configured seed
 */
public record ServiceTimeEstimate(Duration base, Duration perItem, Duration spread,
    long observations) {

  /** The expected time to run a batch of {@code items}. */
  public Duration predict(int items) {
    return base.plus(perItem.multipliedBy(items));
  }

  /**
   * A cautious time for a batch of {@code items}: the fit plus two spreads (about the 98th
   * percentile when errors are normal). The batcher plans deadlines with this one.
   */
  public Duration upperBound(int items) {
    return predict(items).plus(spread.multipliedBy(2));
  }
}
