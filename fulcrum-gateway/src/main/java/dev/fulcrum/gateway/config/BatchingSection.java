package dev.fulcrum.gateway.config;

import dev.fulcrum.inference.batching.BatchSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a backend's {@code batching:} section, for {@link ConfigLoader}. Every key is optional;
 * the defaults are {@link BatchSettings#defaults()}.
 *
 * <pre>
 * batching: { max-batch-size: 32, max-wait: 5ms, sla: 250ms, max-in-flight: 1,
 *             max-queue: 4096, expected-cost: { base: 8ms, per-item: 1ms }, enabled: true }
 * </pre>
 */
final class BatchingSection {
  static final int MAX_BATCH_SIZE = 65_536;
  static final int MAX_IN_FLIGHT = 1_024;
  static final int MAX_QUEUE = 1_000_000;

  private BatchingSection() {}

  /** The settings, or empty when the section is absent or says {@code enabled: false}. */
  static Optional<BatchSettings> read(ConfigNode backend) {
    if (!backend.has("batching")) {
      return Optional.empty();
    }
    ConfigNode node = backend.object("batching");
    node.allowOnly("enabled", "max-batch-size", "max-wait", "sla", "max-in-flight",
        "max-queue", "expected-cost");
    if (!node.bool("enabled", true)) {
      return Optional.empty();
    }
    BatchSettings d = BatchSettings.defaults();
    int size = node.integer("max-batch-size", d.maxBatchSize(), 1, MAX_BATCH_SIZE);
    int queue = node.integer("max-queue", Math.max(d.maxQueue(), size), 1, MAX_QUEUE);
    if (queue < size) {
      throw node.field("max-queue").error("must be at least max-batch-size (" + size
          + "), got " + queue);
    }
    ConfigNode cost = node.object("expected-cost");
    cost.allowOnly("base", "per-item");
    return Optional.of(new BatchSettings(size, node.duration("max-wait", d.maxWait()),
        ConfigLoader.positive(node, "sla", d.sla()),
        node.integer("max-in-flight", d.maxInFlight(), 1, MAX_IN_FLIGHT), queue,
        new BatchSettings.ServiceTime(cost.duration("base", Duration.ZERO),
            cost.duration("per-item", Duration.ZERO))));
  }
}
