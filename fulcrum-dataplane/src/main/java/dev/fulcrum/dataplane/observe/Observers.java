package dev.fulcrum.dataplane.observe;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several observers as one; a failing observer is logged and the others still run. */
public final class Observers implements RequestObserver {
  private static final Logger log = LoggerFactory.getLogger(Observers.class);
  public static final Observers NONE = new Observers(List.of());

  private final List<RequestObserver> observers;

  private Observers(List<RequestObserver> observers) {
    this.observers = observers;
  }

  public static Observers of(List<RequestObserver> observers) {
    return new Observers(List.copyOf(observers));
  }

  @Override
  public void observe(Outcome outcome) {
    for (RequestObserver observer : observers) {
      try {
        observer.observe(outcome);
      } catch (RuntimeException e) {
        log.warn("observer {} failed on request {}; the request is unaffected",
            observer.getClass().getSimpleName(), outcome.context().requestId(), e);
      }
    }
  }
}
