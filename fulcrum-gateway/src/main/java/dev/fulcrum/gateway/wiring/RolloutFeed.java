package dev.fulcrum.gateway.wiring;

import dev.fulcrum.controlplane.rollout.RolloutService;
import dev.fulcrum.controlplane.rollout.ShadowPair;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.observe.RequestObserver;
import dev.fulcrum.dataplane.shadow.ShadowOutcome;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the rollout guards: every served or failed request of a model under rollout, and every
 * shadow comparison. Request outcomes are a map lookup and stay on the caller's thread; shadow
 * pairs are stored, so they go to a thread of their own, never an event loop.
 */
final class RolloutFeed implements RequestObserver, Consumer<ShadowOutcome>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RolloutFeed.class);

  private final RolloutService rollouts;
  private final ExecutorService storing = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "fulcrum-shadow-pairs");
    thread.setDaemon(true);
    return thread;
  });

  RolloutFeed(RolloutService rollouts) {
    this.rollouts = rollouts;
  }

  @Override
  public void observe(Outcome outcome) {
    switch (outcome) {
      case Outcome.Completed done ->
          rollouts.observe(done.model(), done.version(), done.latency(), true);
      case Outcome.Failed failed -> {
        // only the backend's failures count against a version, not the caller's mistakes
        if (!failed.version().isEmpty() && failed.error().retriable()) {
          rollouts.observe(failed.model(), failed.version(), failed.latency(), false);
        }
      }
    }
  }

  @Override
  public void accept(ShadowOutcome shadow) {
    try {
      storing.execute(() -> rollouts.observeShadow(shadow.model(), new ShadowPair(
          shadow.requestId(), shadow.primaryVersion(), shadow.shadowVersion(),
          shadow.primaryLatency(), shadow.shadowLatency(), false, shadow.shadowFailed(),
          shadow.similarity())));
    } catch (RejectedExecutionException e) {
      log.debug("shadow pair of {} dropped during shutdown", shadow.requestId());
    }
  }

  @Override
  public void close() {
    storing.shutdown();
  }
}
