package dev.fulcrum.gateway.metrics;

import static dev.fulcrum.controlplane.registry.Specs.OPS;
import static dev.fulcrum.controlplane.registry.Specs.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.controlplane.registry.FakeClock;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.rollout.Rollout;
import dev.fulcrum.controlplane.rollout.RolloutPlan;
import dev.fulcrum.controlplane.rollout.RolloutPolicy;
import dev.fulcrum.controlplane.rollout.RolloutService;
import dev.fulcrum.controlplane.store.TestDatabases;
import dev.fulcrum.controlplane.store.TestDatabases.TestDatabase;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.gateway.config.MetricsConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutMetricsTest {
  @TempDir
  Path temp;

  @Test
  void countsARollbackCommittedByTheRolloutService() {
    try (TestDatabase test = TestDatabases.sqlite(temp);
        GatewayMetrics metrics = GatewayMetrics.create(MetricsConfig.DEFAULTS,
            LabelSpace.of(List.of("chat"), Map.of("nebius", Placement.CLOUD), List.of(), false),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      ModelRegistry registry = ModelRegistry.create(test.db(), new FakeClock());
      registry.register(version("chat", "1"), OPS);
      registry.promote("chat", "1", OPS);
      registry.register(version("chat", "2"), OPS);
      RolloutService rollouts = RolloutService.create(registry);
      metrics.watch(rollouts);

      Rollout canary = rollouts.launch(RolloutPlan.canary("chat", "2", 5,
          RolloutPolicy.defaults()), OPS);
      Scrape before = Scrape.parse(metrics.scrape());
      rollouts.rollback(canary.id(), OPS);

      assertThat(before.find("fulcrum_rollout_rollbacks_total", Map.of())).isEmpty();
      assertThat(Scrape.parse(metrics.scrape()).sum("fulcrum_rollout_rollbacks_total", "model",
          "chat", "by", "operator")).hasValue(1);
    }
  }
}
