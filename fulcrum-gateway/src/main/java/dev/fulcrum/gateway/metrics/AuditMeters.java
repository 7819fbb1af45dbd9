package dev.fulcrum.gateway.metrics;

import dev.fulcrum.gateway.metrics.MetricNames.Labels;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@link AuditTimer} over two timers (durable, failed), on the registry's clock. */
final class AuditMeters implements AuditTimer {
  private final Clock clock;
  private final Timer durable;
  private final Timer failed;

  AuditMeters(MeterRegistry registry) {
    this.clock = registry.config().clock();
    this.durable = timer(registry, "durable");
    this.failed = timer(registry, "failed");
  }

  @Override
  public void record(long nanos, boolean ok) {
    (ok ? durable : failed).record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }

  @Override
  public <T> CompletionStage<T> time(Supplier<? extends CompletionStage<T>> append) {
    long start = clock.monotonicTime();
    CompletionStage<T> stage;
    try {
      stage = append.get();
    } catch (RuntimeException e) {
      record(clock.monotonicTime() - start, false);
      throw e;
    }
    stage.whenComplete((result, error) -> record(clock.monotonicTime() - start, error == null));
    return stage;
  }

  private static Timer timer(MeterRegistry registry, String outcome) {
    return Timer.builder(MetricNames.AUDIT_APPEND_DURATION)
        .description("Time from handing an audit event to the log until it is durable")
        .tags(Labels.OUTCOME, outcome)
        .serviceLevelObjectives(Buckets.AUDIT)
        .register(registry);
  }
}
