package dev.fulcrum.controlplane.drift;

import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * Watches one model's traffic: {@link #record} adds observations to a sliding current window;
 * {@link #check} compares that window with the reference and alerts listeners about tests that
 * turned drifted. Thread-safe; {@code record} is cheap enough for the request path (a few map
 * updates under a lock), though calling it from a telemetry queue is kinder.
 */
public interface DriftMonitor {

  /**
   * @param detector the reference and thresholds
   * @param window how much recent traffic is judged (e.g. 1 hour)
   * @param buckets the window's granularity; whole buckets expire
   * @param clock the time observations are stamped with
   */
  static DriftMonitor create(String model, DriftDetector detector, Duration window, int buckets,
      InstantSource clock) {
    return new WindowedDriftMonitor(model, detector, new DriftWindow(detector.reference(),
        window, buckets, WindowedDriftMonitor.VALUES_PER_BUCKET), clock);
  }

  String model();

  /** Adds one observation to the current window. */
  void record(Sample sample);

  /** Judges the current window now, alerts listeners, and returns the full report. */
  DriftReport check();

  /** Calls {@code listener} for each alert, on the checking thread; failures are logged. */
  void onAlert(Consumer<? super DriftAlert> listener);
}
