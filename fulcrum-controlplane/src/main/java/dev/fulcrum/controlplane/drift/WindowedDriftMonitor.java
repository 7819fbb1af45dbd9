package dev.fulcrum.controlplane.drift;

import dev.fulcrum.controlplane.registry.internal.Listeners;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/** {@link DriftMonitor} over a {@link DriftWindow}. */
final class WindowedDriftMonitor implements DriftMonitor {
  /** Raw numeric values kept per bucket for KS. */
  static final int VALUES_PER_BUCKET = 1000;

  private final String model;
  private final DriftDetector detector;
  private final DriftWindow window;
  private final InstantSource clock;
  private final Listeners<DriftAlert> listeners = new Listeners<>();
  private final Set<String> drifting = new HashSet<>();

  WindowedDriftMonitor(String model, DriftDetector detector, DriftWindow window,
      InstantSource clock) {
    this.model = model;
    this.detector = detector;
    this.window = window;
    this.clock = clock;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public void record(Sample sample) {
    window.add(clock.instant(), sample);
  }

  @Override
  public synchronized DriftReport check() {
    Instant now = clock.instant();
    DriftReport report = detector.compare(model, now, window.snapshot(now));
    for (FeatureResult result : report.results()) {
      String key = result.feature() + "/" + result.test();
      if (result.drifted() && drifting.add(key)) {
        listeners.publish(new DriftAlert(model, result, now));
      } else if (!result.drifted()) {
        drifting.remove(key);
      }
    }
    return report;
  }

  @Override
  public void onAlert(Consumer<? super DriftAlert> listener) {
    listeners.add(listener);
  }
}
