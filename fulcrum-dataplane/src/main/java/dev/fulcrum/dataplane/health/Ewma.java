package dev.fulcrum.dataplane.health;

/** An exponentially weighted moving average; thread-safe, O(1). */
final class Ewma {
  private final double weight;
  private double value = Double.NaN;

  Ewma(double weight) {
    this.weight = weight;
  }

  synchronized void add(double sample) {
    value = Double.isNaN(value) ? sample : value + weight * (sample - value);
  }

  /** The average, or NaN before the first sample. */
  synchronized double value() {
    return value;
  }
}
