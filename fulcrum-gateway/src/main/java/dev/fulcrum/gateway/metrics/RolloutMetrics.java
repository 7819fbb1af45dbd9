package dev.fulcrum.gateway.metrics;

import dev.fulcrum.controlplane.rollout.RolloutEvent;
import dev.fulcrum.controlplane.rollout.RolloutService;
import dev.fulcrum.controlplane.rollout.RolloutState;
import dev.fulcrum.gateway.metrics.MetricNames.Labels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts rollbacks, by model and by who decided: the rollout policy's guards ({@code policy}) or
 * a person ({@code operator}). Fed by {@link RolloutService#onEvent} or by {@link #rolledBack}.
 */
final class RolloutMetrics {
  private static final Logger log = LoggerFactory.getLogger(RolloutMetrics.class);
  private static final String[] BY = {"policy", "operator"};

  private final LabelSpace labels;
  private final MeterTable<Counter> rollbacks;

  RolloutMetrics(MeterRegistry registry, LabelSpace labels) {
    this.labels = labels;
    this.rollbacks = new MeterTable<>(c -> Counter.builder(MetricNames.ROLLBACKS)
        .description("Rollouts rolled back, by model and by who decided")
        .tags(Labels.MODEL, labels.models.value(c[0]), Labels.BY, BY[c[1]])
        .register(registry), labels.models.size(), BY.length);
  }

  /** Listens for rollbacks committed by {@code rollouts} (on this replica). */
  void listen(RolloutService rollouts) {
    rollouts.onEvent(this::onEvent);
  }

  void rolledBack(String model, boolean byPolicy) {
    rollbacks.at(labels.models.indexOf(model), byPolicy ? 0 : 1).increment();
  }

  private void onEvent(RolloutEvent event) {
    try {
      if (event instanceof RolloutEvent.Transition move && move.to() == RolloutState.ROLLED_BACK) {
        rolledBack(move.model(), RolloutService.POLICY_ACTOR.equals(move.change().actor()));
      }
    } catch (RuntimeException e) {
      log.warn("metrics: counting a rollback of {} failed", event.model(), e);
    }
  }
}
