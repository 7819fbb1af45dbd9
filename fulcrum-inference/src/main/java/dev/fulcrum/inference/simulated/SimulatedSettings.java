package dev.fulcrum.inference.simulated;

import dev.fulcrum.core.backend.Placement;
import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated backend behaves. Every default is written here and in the config reference.
 *
 * @param name the backend's name
 * @param placement where it pretends to run
 * @param latency time to first token, drawn from a log-normal distribution
 * @param tokensPerSecond generation speed after the first token; 0 means instant
 * @param batchCost embedding cost curve: a fixed part plus a part per item
 * @param errorRate probability in [0, 1] that a call fails like an upstream 503
 * @param seed seed of the random source, for reproducible runs
 * @param dimensions length of the vectors it returns
 * @param concurrency how many calls the simulated device runs at once, queueing the rest in
 *     arrival order, like a GPU that runs one batch at a time; {@link #UNLIMITED} (the default)
 *     runs everything in parallel. A call holds the device for its whole simulated work: an
 *     embedding batch for its batch cost, a chat for its full duration, a stream until its
 *     first token (token pacing afterwards does not hold it)
 */
public record SimulatedSettings(String name, Placement placement, Latency latency,
    double tokensPerSecond, BatchCost batchCost, double errorRate, long seed, int dimensions,
    int concurrency) {

  /** No limit on simultaneous calls. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  public SimulatedSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(batchCost, "batchCost");
    if (!(tokensPerSecond >= 0)) {
      throw new IllegalArgumentException("tokensPerSecond must be >= 0");
    }
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("errorRate must be within [0, 1]");
    }
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be at least 1");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
  }

  /** Settings with unlimited concurrency. */
  public SimulatedSettings(String name, Placement placement, Latency latency,
      double tokensPerSecond, BatchCost batchCost, double errorRate, long seed, int dimensions) {
    this(name, placement, latency, tokensPerSecond, batchCost, errorRate, seed, dimensions,
        UNLIMITED);
  }

  /** Instant, error-free, 384 dimensions: the defaults for a named backend. */
  public static SimulatedSettings defaults(String name, Placement placement) {
    return new SimulatedSettings(name, placement, Latency.NONE, 0, BatchCost.NONE, 0, 42, 384);
  }

  /** These settings on a device that runs at most {@code calls} calls at once. */
  public SimulatedSettings withConcurrency(int calls) {
    return new SimulatedSettings(name, placement, latency, tokensPerSecond, batchCost, errorRate,
        seed, dimensions, calls);
  }

  /**
   * Log-normal latency given by its median and 99th percentile.
   *
   * @param median half of the draws are faster than this
   * @param p99 99% of the draws are faster than this; equal to {@code median} for a fixed delay
   */
  public record Latency(Duration median, Duration p99) {
    public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

    public Latency {
      Objects.requireNonNull(median, "median");
      Objects.requireNonNull(p99, "p99");
      if (median.isNegative() || p99.compareTo(median) < 0) {
        throw new IllegalArgumentException("latency needs 0 <= median <= p99");
      }
    }
  }

  /**
   * Time to serve a batch of {@code n} items: {@code base + n × perItem}, the shape of a GPU
   * that is mostly paying a fixed price per launch.
   */
  public record BatchCost(Duration base, Duration perItem) {
    public static final BatchCost NONE = new BatchCost(Duration.ZERO, Duration.ZERO);

    public BatchCost {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(perItem, "perItem");
      if (base.isNegative() || perItem.isNegative()) {
        throw new IllegalArgumentException("batch costs must not be negative");
      }
    }

    public Duration of(int items) {
      return base.plus(perItem.multipliedBy(items));
    }
  }
}
