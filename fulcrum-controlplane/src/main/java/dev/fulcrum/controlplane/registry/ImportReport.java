package dev.fulcrum.controlplane.registry;

import java.util.List;

/**
 * What {@link ModelRegistry#importConfigured} did with each model of {@code fulcrum.yaml}.
 *
 * @param models one entry per configured model, in configuration order
 */
public record ImportReport(List<Entry> models) {
  public ImportReport {
    models = List.copyOf(models);
  }

  /** What happened to one configured model. */
  public enum Outcome {
    /** New model: its version was registered, made ACTIVE, and {@code prod} points at it. */
    CREATED,
    /** The model exists and the configured version is a new one: registered and promoted. */
    PROMOTED,
    /** Already stored with the same routes: nothing to do (every start after the first). */
    UNCHANGED,
    /** Stored with different routes; versions are immutable, so the stored one was kept. */
    CONFLICT
  }

  /**
   * @param message for CONFLICT, what differs and how to fix it; otherwise a short summary
   */
  public record Entry(String model, String version, Outcome outcome, String message) {}

  /** The entries whose outcome is {@link Outcome#CONFLICT}. */
  public List<Entry> conflicts() {
    return models.stream().filter(e -> e.outcome() == Outcome.CONFLICT).toList();
  }
}
