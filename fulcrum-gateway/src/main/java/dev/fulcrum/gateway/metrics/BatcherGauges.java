package dev.fulcrum.gateway.metrics;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.gateway.metrics.MetricNames.Labels;
import dev.fulcrum.inference.batching.BatcherStats;
import dev.fulcrum.inference.batching.BatchingEmbeddingBackend;
import dev.fulcrum.inference.batching.BatchingTensorBackend;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read at scrape time from every backend with a {@code batching:} section: batches sent, items
 * they carried (their ratio is the mean batch size) and items waiting, summed over the
 * backend's batch keys (model and request shape).
 */
final class BatcherGauges {
  private BatcherGauges() {}

  static void register(MeterRegistry registry, Collection<Backend> backends) {
    for (Backend backend : backends) {
      stats(backend).ifPresent(stats -> {
        Tags tags = Tags.of(Labels.BACKEND, backend.info().name());
        FunctionCounter.builder(MetricNames.BATCHER_BATCHES, stats,
                s -> sum(s, BatcherStats::batches))
            .description("Batches the adaptive batcher sent upstream").tags(tags)
            .register(registry);
        FunctionCounter.builder(MetricNames.BATCHER_ITEMS, stats,
                s -> sum(s, BatcherStats::items))
            .description("Items (texts, tensor rows) those batches carried").tags(tags)
            .register(registry);
        Gauge.builder(MetricNames.BATCHER_QUEUED, stats, s -> sum(s, BatcherStats::queuedItems))
            .description("Items waiting to join a batch").tags(tags).strongReference(true)
            .register(registry);
      });
    }
  }

  private static Optional<Supplier<Map<String, BatcherStats>>> stats(Backend backend) {
    return switch (backend) {
      case BatchingTensorBackend tensors -> Optional.of(tensors::stats);
      case BatchingEmbeddingBackend embeddings -> Optional.of(embeddings::stats);
      default -> Optional.empty();
    };
  }

  private static double sum(Supplier<Map<String, BatcherStats>> stats,
      ToLongFunction<BatcherStats> value) {
    return stats.get().values().stream().mapToLong(value).sum();
  }
}
