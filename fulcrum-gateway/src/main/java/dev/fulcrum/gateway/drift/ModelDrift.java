package dev.fulcrum.gateway.drift;

import dev.fulcrum.controlplane.drift.DriftAlert;
import dev.fulcrum.controlplane.drift.DriftDetector;
import dev.fulcrum.controlplane.drift.DriftMonitor;
import dev.fulcrum.controlplane.drift.DriftReport;
import dev.fulcrum.controlplane.drift.DriftThresholds;
import dev.fulcrum.controlplane.drift.Feature;
import dev.fulcrum.controlplane.drift.Reference;
import dev.fulcrum.controlplane.drift.Sample;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One model's drift state: collecting its reference, then monitoring a sliding window against
 * it. Confined to the drift thread.
 */
final class ModelDrift {
  private static final int CALIBRATION_CHUNKS = 5;
  private static final double SIGMAS = 3;
  private static final int BUCKETS = 12;

  private final String model;
  private final DriftSettings settings;
  private final List<Feature> features;
  private final InstantSource clock;
  private final Consumer<DriftAlert> alerts;
  private List<Sample> reference = new ArrayList<>();
  private DriftMonitor monitor;
  private DriftReport last;

  ModelDrift(String model, DriftSettings settings, List<Feature> features, InstantSource clock,
      Consumer<DriftAlert> alerts) {
    this.model = model;
    this.settings = settings;
    this.features = features;
    this.clock = clock;
    this.alerts = alerts;
  }

  void record(Sample sample) {
    if (monitor != null) {
      monitor.record(sample);
      return;
    }
    reference.add(sample);
    if (reference.size() >= settings.referenceSize()) {
      startMonitoring();
    }
  }

  /** Compares the current window with the reference, when there is one. */
  Optional<DriftReport> check() {
    if (monitor != null) {
      last = monitor.check();
    }
    return Optional.ofNullable(last);
  }

  DriftStatus status() {
    return new DriftStatus(model, monitor == null ? reference.size() : settings.referenceSize(),
        settings.referenceSize(), Optional.ofNullable(last));
  }

  private void startMonitoring() {
    Reference built = Reference.of(features, reference);
    int chunkSize = reference.size() / CALIBRATION_CHUNKS;
    List<List<Sample>> chunks = new ArrayList<>();
    for (int i = 0; i < CALIBRATION_CHUNKS; i++) {
      chunks.add(List.copyOf(reference.subList(i * chunkSize, (i + 1) * chunkSize)));
    }
    DriftThresholds thresholds = DriftThresholds.calibrate(built, chunks, SIGMAS,
        DriftThresholds.defaults());
    monitor = DriftMonitor.create(model, DriftDetector.of(built, thresholds), settings.window(),
        BUCKETS, clock);
    monitor.onAlert(alerts);
    reference = null;
  }
}
