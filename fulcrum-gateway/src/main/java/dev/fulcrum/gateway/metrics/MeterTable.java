package dev.fulcrum.gateway.metrics;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Meters by label combination, in an array indexed by each label's position, created on first
 * use. Reading an existing meter is an array read: no tags, no map, no allocation, which keeps
 * metrics off the gateway's CPU profile. Thread-safe; two threads racing to create one meter get
 * the same one (the registry deduplicates by id, and the first stored wins).
 *
 * @param <M> a meter, or a small holder of meters that share labels
 */
final class MeterTable<M> {
  private final int[] sizes;
  private final AtomicReferenceArray<M> meters;
  private final Function<int[], M> create;

  /**
   * @param create builds the meter for label positions {@code coordinates} (one per dimension)
   */
  MeterTable(Function<int[], M> create, int... sizes) {
    long total = 1;
    for (int size : sizes) {
      total *= size;
    }
    if (total > 1 << 22) {
      throw new IllegalArgumentException("too many label combinations: " + total);
    }
    this.sizes = sizes.clone();
    this.meters = new AtomicReferenceArray<>((int) total);
    this.create = create;
  }

  M at(int a) {
    return get(a);
  }

  M at(int a, int b) {
    return get(a * sizes[1] + b);
  }

  M at(int a, int b, int c) {
    return get((a * sizes[1] + b) * sizes[2] + c);
  }

  M at(int a, int b, int c, int d) {
    return get(((a * sizes[1] + b) * sizes[2] + c) * sizes[3] + d);
  }

  private M get(int index) {
    M meter = meters.get(index);
    return meter != null ? meter : create(index);
  }

  private M create(int index) {
    int[] coordinates = new int[sizes.length];
    int rest = index;
    for (int i = sizes.length - 1; i >= 0; i--) {
      coordinates[i] = rest % sizes[i];
      rest /= sizes[i];
    }
    M made = create.apply(coordinates);
    M raced = meters.compareAndExchange(index, null, made);
    return raced == null ? made : raced;
  }
}
