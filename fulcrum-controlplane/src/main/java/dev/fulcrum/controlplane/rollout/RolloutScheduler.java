package dev.fulcrum.controlplane.rollout;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link RolloutService#evaluate()} every {@code interval} on one daemon thread. A failed
 * tick is logged and the next one runs as planned. Close it to stop.
 */
public final class RolloutScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RolloutScheduler.class);
  private final ScheduledExecutorService executor;

  private RolloutScheduler(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /** Starts ticking {@code service} every {@code interval} (first tick after one interval). */
  public static RolloutScheduler start(RolloutService service, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the rollout tick interval must be positive");
    }
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "fulcrum-rollouts");
      thread.setDaemon(true);
      return thread;
    });
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(() -> tick(service), millis, millis, TimeUnit.MILLISECONDS);
    return new RolloutScheduler(executor);
  }

  private static void tick(RolloutService service) {
    try {
      service.evaluate();
    } catch (RuntimeException e) {
      log.warn("rollout evaluation tick failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
