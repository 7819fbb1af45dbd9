package dev.fulcrum.controlplane.registry.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listeners of one event type. Events are delivered on the caller's thread after the change has
 * committed; a failing listener is logged (by type, never by payload) and the others still run,
 * because an observer must never undo or block a change.
 */
public final class Listeners<E> {
  private static final Logger log = LoggerFactory.getLogger(Listeners.class);
  private final List<Consumer<? super E>> listeners = new CopyOnWriteArrayList<>();

  public void add(Consumer<? super E> listener) {
    listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
  }

  public void publish(E event) {
    for (Consumer<? super E> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        log.warn("a {} listener failed: {}", event.getClass().getSimpleName(),
            e.getClass().getName());
      }
    }
  }

  public void publishAll(List<? extends E> events) {
    events.forEach(this::publish);
  }
}
