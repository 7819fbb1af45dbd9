package dev.fulcrum.controlplane.publish;

import dev.fulcrum.controlplane.killswitch.KillSwitch;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.registry.ModelVersion;
import dev.fulcrum.controlplane.registry.internal.Listeners;
import dev.fulcrum.controlplane.registry.internal.RegistryStore;
import dev.fulcrum.controlplane.registry.internal.Revision;
import dev.fulcrum.controlplane.rollout.RolloutEvent;
import dev.fulcrum.controlplane.rollout.RolloutService;
import dev.fulcrum.core.routing.RoutingTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link RoutingPublisher} over the control-plane store. */
final class DefaultRoutingPublisher implements RoutingPublisher {
  private static final Logger log = LoggerFactory.getLogger(DefaultRoutingPublisher.class);

  private final RegistryStore store;
  private final RolloutService rollouts;
  private final KillSwitch switches;
  private final Listeners<RoutingSnapshot> listeners = new Listeners<>();
  private volatile RoutingSnapshot current;
  private ScheduledExecutorService poller;

  private DefaultRoutingPublisher(RegistryStore store, RolloutService rollouts,
      KillSwitch switches) {
    this.store = store;
    this.rollouts = rollouts;
    this.switches = switches;
  }

  static RoutingPublisher create(ModelRegistry registry, RolloutService rollouts,
      KillSwitch switches) {
    DefaultRoutingPublisher publisher = new DefaultRoutingPublisher(RegistryStore.of(registry),
        rollouts, switches);
    publisher.refresh();
    registry.onChange(event -> publisher.poll());
    switches.onChange(event -> publisher.poll());
    rollouts.onEvent(event -> {
      if (!(event instanceof RolloutEvent.Decision)) {
        publisher.poll();
      }
    });
    return publisher;
  }

  @Override
  public RoutingTable get() {
    return current.table();
  }

  @Override
  public RoutingSnapshot snapshot() {
    return current;
  }

  @Override
  public void onChange(Consumer<? super RoutingSnapshot> listener) {
    listeners.add(listener);
  }

  @Override
  public synchronized RoutingSnapshot refresh() {
    long revision = Revision.read(store.db());
    List<ModelState> models = store.read(c -> {
      List<ModelState> states = new ArrayList<>();
      for (String model : store.models(c)) {
        Map<String, ModelVersion> versions = store.versions(c, model).stream()
            .collect(Collectors.toMap(ModelVersion::version, Function.identity()));
        states.add(new ModelState(model, versions,
            store.aliasHistory(c, model, ModelRegistry.PROD)));
      }
      return states;
    });
    RoutingSnapshot next = Projection.project(revision, models, rollouts.running(),
        switches.active());
    current = next;
    listeners.publish(next);
    return next;
  }

  @Override
  public boolean poll() {
    synchronized (this) {
      if (Revision.read(store.db()) == current.revision()) {
        return false;
      }
      refresh();
      return true;
    }
  }

  @Override
  public synchronized void startPolling(Duration interval) {
    if (poller != null) {
      throw new IllegalStateException("already polling");
    }
    poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "fulcrum-routing-poll");
      thread.setDaemon(true);
      return thread;
    });
    long millis = interval.toMillis();
    poller.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      log.warn("routing poll failed; still serving revision {}: {}", current.revision(),
          e.getMessage());
    }
  }
}
