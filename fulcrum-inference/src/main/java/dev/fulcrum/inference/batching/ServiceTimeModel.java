package dev.fulcrum.inference.batching;

import java.time.Duration;

/**
 * Learns how long a batch takes as a function of its size, online: a line
 * {@code t(n) = base + perItem × n} fitted by exponentially weighted least squares.
 *
 * <p>Design notes.
 * <ul>
 *   <li>Every observed batch adds {@code (n, t)} with weight 1 and multiplies the weight of all
 *       earlier ones by {@link #FORGETTING}, so the fit follows a device whose speed drifts
 *       (roughly the last {@code 1 / (1 - FORGETTING)} = 20 batches count).
 *   <li>The configured seed enters as two pseudo-observations, at {@code n = 1} and at
 *       {@code n = maxBatchSize}, each of weight {@link #PRIOR_WEIGHT}, which never decay. With
 *       no data the fit is the seed; with data the seed is a light pull that keeps the slope
 *       defined when every batch has had the same size (a saturated batcher only ever sends
 *       full batches).
 *   <li>The fit is clamped to non-negative values.
 *   <li>{@code spread} is the exponentially weighted root-mean-square of each observation's
 *       error against the fit made before it, so it grows when the device turns erratic or the
 *       fit is stale, and shrinks when predictions hit.
 *   <li>Timers fire late on a busy machine, and a batch planned to leave at the last moment
 *       then misses its deadline by that much. {@link #observeLateness} feeds how late each
 *       timer fired (exponentially weighted, {@link #LATENESS_FORGETTING}); the cautious bound
 *       adds its mean plus two standard deviations.
 * </ul>
 * Thread-safe; O(1) per observation and per estimate.
 */
final class ServiceTimeModel {
  static final double FORGETTING = 0.95;
  static final double PRIOR_WEIGHT = 0.01;
  static final double LATENESS_FORGETTING = 0.9;

  private final double seedBase;
  private final double seedPerItem;
  private final double farSize;
  // decayed sums over observations: weight, n, n², t, n·t (times in nanoseconds)
  private double s0;
  private double sn;
  private double snn;
  private double st;
  private double snt;
  // weighted sums and their total weight, so early estimates are not biased toward zero
  private double squareErrors;
  private double errorWeight;
  private double lateness;
  private double latenessSquares;
  private double latenessWeight;
  private long observations;
  private double base;
  private double perItem;

  ServiceTimeModel(BatchSettings.ServiceTime seed, int maxBatchSize) {
    this.seedBase = seed.base().toNanos();
    this.seedPerItem = seed.perItem().toNanos();
    this.farSize = Math.max(2, maxBatchSize);
    this.base = seedBase;
    this.perItem = seedPerItem;
  }

  synchronized void observe(int items, long nanos) {
    double error = nanos - (base + perItem * items);
    if (observations > 0 || seedBase > 0 || seedPerItem > 0) {
      // an unseeded model's first "error" measures the missing seed, not the device
      squareErrors = FORGETTING * squareErrors + error * error;
      errorWeight = FORGETTING * errorWeight + 1;
    }
    s0 = FORGETTING * s0 + 1;
    sn = FORGETTING * sn + items;
    snn = FORGETTING * snn + (double) items * items;
    st = FORGETTING * st + nanos;
    snt = FORGETTING * snt + (double) items * nanos;
    observations++;
    fit();
  }

  /** Records that a timer fired {@code nanos} after the moment it was set for. */
  synchronized void observeLateness(long nanos) {
    double late = Math.max(0, nanos);
    lateness = LATENESS_FORGETTING * lateness + late;
    latenessSquares = LATENESS_FORGETTING * latenessSquares + late * late;
    latenessWeight = LATENESS_FORGETTING * latenessWeight + 1;
  }

  synchronized ServiceTimeEstimate estimate() {
    return new ServiceTimeEstimate(Duration.ofNanos(Math.round(base)),
        Duration.ofNanos(Math.round(perItem)),
        Duration.ofNanos(Math.round(spread())),
        Duration.ofNanos(Math.round(latenessBound())), observations);
  }

  /**
   * Nanoseconds to allow for a batch of {@code items}, cautiously: fit plus two spreads plus
   * the timer lateness bound.
   */
  synchronized long upperBoundNanos(int items) {
    return Math.round(base + perItem * items + 2 * spread() + latenessBound());
  }

  private double spread() {
    return errorWeight == 0 ? 0 : Math.sqrt(squareErrors / errorWeight);
  }

  private double latenessBound() {
    if (latenessWeight == 0) {
      return 0;
    }
    double mean = lateness / latenessWeight;
    double variance = Math.max(0, latenessSquares / latenessWeight - mean * mean);
    return mean + 2 * Math.sqrt(variance);
  }

  private void fit() {
    // the seed's two pseudo-observations, added at fit time so they never decay
    double w = PRIOR_WEIGHT;
    double t1 = seedBase + seedPerItem;
    double tFar = seedBase + seedPerItem * farSize;
    double a0 = s0 + 2 * w;
    double an = sn + w * (1 + farSize);
    double ann = snn + w * (1 + farSize * farSize);
    double at = st + w * (t1 + tFar);
    double ant = snt + w * (t1 + farSize * tFar);
    double det = a0 * ann - an * an;
    double slope = det > 1e-9 ? (a0 * ant - an * at) / det : seedPerItem;
    slope = Math.max(0, slope);
    perItem = slope;
    base = Math.max(0, (at - slope * an) / a0);
  }
}
