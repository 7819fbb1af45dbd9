package dev.fulcrum.inference.batching;

import java.time.Duration;

/**
 * A snapshot of what a batcher believes a batch costs: {@code base + n × perItem}, give or
 * take {@code spread}, and how late its timers fire.
 *
 * @param base the fitted fixed cost per batch
 * @param perItem the fitted cost per item
 * @param spread the recent typical error of that fit (root mean square residual)
 * @param timerLateness how late the batcher's timers have been firing (recent mean plus two
 *     standard deviations); a batch planned against a deadline leaves this much earlier
 * @param observations batches observed so far; 0 means the estimate is the configured seed
 */
public record ServiceTimeEstimate(Duration base, Duration perItem, Duration spread,
    Duration timerLateness, long observations) {

  /** The expected time to run a batch of {@code items}. */
  public Duration predict(int items) {
    return base.plus(perItem.multipliedBy(items));
  }

  /**
   * A cautious time to allow for a batch of {@code items}: the fit plus two spreads (about the
   * 98th percentile when errors are normal) plus the timer lateness. The batcher plans
   * deadlines with this one.
   */
  public Duration upperBound(int items) {
    return predict(items).plus(spread.multipliedBy(2)).plus(timerLateness);
  }
}
