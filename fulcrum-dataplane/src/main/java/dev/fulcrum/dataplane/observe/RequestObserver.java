package dev.fulcrum.dataplane.observe;

/**
 * Told how each request ended. Called on an event loop: must not block and should be quick;
 * heavy work goes to the observer's own executor. Observers never break a request: what they
 * throw is logged and dropped ({@link Observers}).
 */
@FunctionalInterface
public interface RequestObserver {
  void observe(Outcome outcome);
}
