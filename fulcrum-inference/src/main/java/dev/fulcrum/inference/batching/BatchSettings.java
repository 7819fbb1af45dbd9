package dev.fulcrum.inference.batching;

import java.time.Duration;
import java.util.Objects;

/**
 * How an adaptive batcher coalesces requests. Every default is in {@link #defaults()}; the
 * proposed config keys are under {@code backends[].batching}.
 *
 * @param maxBatchSize the most items one batch carries ({@code max-batch-size}, default 64);
 *     set it at or below the upstream's own limit (Triton's {@code max_batch_size})
 * @param maxWait the longest the oldest queued item waits for company while a batch slot is
 *     free ({@code max-wait}, default 5 ms)
 * @param sla the deadline of requests that bring none ({@code sla}, default 250 ms); the
 *     batcher never holds a batch past its earliest deadline minus the predicted service time
 * @param maxInFlight how many batches may run upstream at once: the device's concurrency
 *     ({@code max-in-flight}, default 1 — a GPU runs one batch at a time; raise it for cloud
 *     APIs that run requests in parallel)
 * @param maxQueue the most items that may wait; beyond it submissions are refused with a
 *     retriable {@link dev.fulcrum.core.error.ServiceUnavailableException}
 *     ({@code max-queue}, default 4096)
 * @param expectedCost the service-time curve assumed before any batch was observed
 *     ({@code expected-cost: { base, per-item }}, default zero: learned from the first batches)
 */
public record BatchSettings(int maxBatchSize, Duration maxWait, Duration sla, int maxInFlight,
    int maxQueue, ServiceTime expectedCost) {

  public BatchSettings {
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(sla, "sla");
    Objects.requireNonNull(expectedCost, "expectedCost");
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be at least 1");
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must not be negative");
    }
    if (sla.isNegative() || sla.isZero()) {
      throw new IllegalArgumentException("sla must be positive");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1");
    }
    if (maxQueue < maxBatchSize) {
      throw new IllegalArgumentException("maxQueue (" + maxQueue + ") must be at least "
          + "maxBatchSize (" + maxBatchSize + ")");
    }
  }

  public static BatchSettings defaults() {
    return new BatchSettings(64, Duration.ofMillis(5), Duration.ofMillis(250), 1, 4096,
        ServiceTime.UNKNOWN);
  }

  /** These settings with another batch size; {@code maxQueue} grows to it if smaller. */
  public BatchSettings withMaxBatchSize(int size) {
    return new BatchSettings(size, maxWait, sla, maxInFlight, Math.max(maxQueue, size),
        expectedCost);
  }

  public BatchSettings withMaxWait(Duration wait) {
    return new BatchSettings(maxBatchSize, wait, sla, maxInFlight, maxQueue, expectedCost);
  }

  public BatchSettings withSla(Duration newSla) {
    return new BatchSettings(maxBatchSize, maxWait, newSla, maxInFlight, maxQueue, expectedCost);
  }

  public BatchSettings withMaxInFlight(int batches) {
    return new BatchSettings(maxBatchSize, maxWait, sla, batches, maxQueue, expectedCost);
  }

  public BatchSettings withMaxQueue(int items) {
    return new BatchSettings(maxBatchSize, maxWait, sla, maxInFlight, items, expectedCost);
  }

  public BatchSettings withExpectedCost(ServiceTime cost) {
    return new BatchSettings(maxBatchSize, maxWait, sla, maxInFlight, maxQueue, cost);
  }

  /**
   * A service-time curve {@code base + n × perItem}.
   *
   * @param base the fixed cost of running any batch
   * @param perItem the added cost of each item in it
   */
  public record ServiceTime(Duration base, Duration perItem) {
    /** No prior knowledge: the batcher learns the curve from what it observes. */
    public static final ServiceTime UNKNOWN = new ServiceTime(Duration.ZERO, Duration.ZERO);

    public ServiceTime {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(perItem, "perItem");
      if (base.isNegative() || perItem.isNegative()) {
        throw new IllegalArgumentException("service times must not be negative");
      }
    }
  }
}
