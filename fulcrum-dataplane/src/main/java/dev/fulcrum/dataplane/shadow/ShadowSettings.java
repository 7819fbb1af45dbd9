package dev.fulcrum.dataplane.shadow;

/**
 * Bounds on shadow traffic, so mirroring can never grow without limit.
 *
 * @param maxConcurrent shadow calls running at once
 * @param maxQueued shadow calls waiting; beyond this new copies are dropped (and counted)
 */
public record ShadowSettings(int maxConcurrent, int maxQueued) {
  public static final ShadowSettings DEFAULTS = new ShadowSettings(8, 64);

  public ShadowSettings {
    if (maxConcurrent < 1 || maxQueued < 0) {
      throw new IllegalArgumentException("shadow concurrency must be >= 1 and queue >= 0");
    }
  }
}
