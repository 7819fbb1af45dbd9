package dev.fulcrum.controlplane.drift;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The current window of one monitor: a ring of time buckets (as in the rollout windows). Exact
 * aggregates — numeric bin counts, category counts, per-feature observation counts — are kept
 * per bucket and as running totals, so their snapshot is a copy of the totals. Raw values for
 * KS and vectors for the permutation test are kept as a bounded reservoir sample per bucket
 * (Vitter's algorithm R, seeded), so a snapshot holds at most {@code buckets × reservoir}
 * values per feature however heavy the traffic. Thread-safe (synchronized).
 */
final class DriftWindow {
  private final Reference reference;
  private final long bucketMillis;
  private final Bucket[] ring;
  private final Bucket total;
  private final int valuesPerBucket;
  private final int vectorsPerBucket;
  private final SplittableRandom random = new SplittableRandom(42);

  DriftWindow(Reference reference, Duration window, int buckets, int valuesPerBucket) {
    if (buckets < 1 || window.toMillis() < buckets) {
      throw new IllegalArgumentException("a drift window needs at least one bucket of 1 ms");
    }
    this.reference = reference;
    this.bucketMillis = window.toMillis() / buckets;
    this.ring = new Bucket[buckets];
    this.valuesPerBucket = valuesPerBucket;
    this.vectorsPerBucket = Math.max(1, Reference.EMBEDDING_CAP / buckets);
    for (int i = 0; i < buckets; i++) {
      ring[i] = new Bucket(Long.MIN_VALUE);
    }
    this.total = new Bucket(0);
  }

  synchronized void add(Instant at, Sample sample) {
    long epoch = Math.floorDiv(at.toEpochMilli(), bucketMillis);
    int index = (int) Math.floorMod(epoch, (long) ring.length);
    if (ring[index].epoch > epoch) {
      return;
    }
    if (ring[index].epoch < epoch) {
      evict(index, epoch);
    }
    ring[index].add(sample, true);
    total.add(sample, false);
  }

  synchronized Observed snapshot(Instant now) {
    long oldest = Math.floorDiv(now.toEpochMilli(), bucketMillis) - ring.length + 1;
    for (int i = 0; i < ring.length; i++) {
      if (ring[i].epoch != Long.MIN_VALUE && ring[i].epoch < oldest) {
        evict(i, Long.MIN_VALUE);
      }
    }
    Map<String, double[]> values = new HashMap<>();
    Map<String, List<double[]>> vectors = new HashMap<>();
    for (Feature feature : reference.features()) {
      String name = feature.name();
      switch (feature) {
        case Feature.Numeric n -> values.put(name, concatenated(name));
        case Feature.Embedding e -> {
          List<double[]> all = new ArrayList<>();
          for (Bucket bucket : ring) {
            all.addAll(bucket.vectors.getOrDefault(name, List.of()));
          }
          vectors.put(name, all);
        }
        case Feature.Categorical c -> { }
      }
    }
    Map<String, long[]> bins = new HashMap<>();
    total.bins.forEach((name, counts) -> bins.put(name, counts.clone()));
    Map<String, Map<String, Long>> categories = new HashMap<>();
    total.categories.forEach((name, counts) -> categories.put(name, Map.copyOf(counts)));
    return new Observed(total.size, values, bins, categories, vectors, Map.copyOf(total.counts));
  }

  private double[] concatenated(String feature) {
    int n = 0;
    for (Bucket bucket : ring) {
      n += bucket.kept(feature);
    }
    double[] out = new double[n];
    int at = 0;
    for (Bucket bucket : ring) {
      int kept = bucket.kept(feature);
      if (kept > 0) {
        System.arraycopy(bucket.values.get(feature), 0, out, at, kept);
        at += kept;
      }
    }
    return out;
  }

  private void evict(int index, long newEpoch) {
    total.subtract(ring[index]);
    ring[index] = new Bucket(newEpoch);
  }

  /** One bucket's data, or (with {@code epoch} 0) the running totals. */
  private final class Bucket {
    final long epoch;
    long size;
    final Map<String, long[]> bins = new HashMap<>();
    final Map<String, Map<String, Long>> categories = new HashMap<>();
    final Map<String, Long> counts = new HashMap<>();
    final Map<String, double[]> values = new HashMap<>();
    final Map<String, List<double[]>> vectors = new HashMap<>();

    Bucket(long epoch) {
      this.epoch = epoch;
    }

    int kept(String feature) {
      double[] reservoir = values.get(feature);
      return reservoir == null ? 0 : (int) Math.min(reservoir.length, counts.get(feature));
    }

    void add(Sample sample, boolean sampleRaw) {
      size++;
      for (Feature feature : reference.features()) {
        String name = feature.name();
        switch (feature) {
          case Feature.Numeric n -> {
            Double value = sample.numbers().get(name);
            if (value != null) {
              long seen = counts.merge(name, 1L, Long::sum);
              bins.computeIfAbsent(name, k -> new long[reference.numeric(name).bins().size()])
                  [reference.numeric(name).bins().bin(value)]++;
              if (sampleRaw) {
                double[] reservoir = values.computeIfAbsent(name, k -> new double[valuesPerBucket]);
                int slot = slot(seen, valuesPerBucket);
                if (slot >= 0) {
                  reservoir[slot] = value;
                }
              }
            }
          }
          case Feature.Categorical c -> {
            Map<String, Long> counted = sample.categories().get(name);
            if (counted != null) {
              counts.merge(name, 1L, Long::sum);
              Map<String, Long> into = categories.computeIfAbsent(name, k -> new HashMap<>());
              counted.forEach((category, count) -> into.merge(category, count, Long::sum));
            }
          }
          case Feature.Embedding e -> {
            double[] vector = sample.embeddings().get(name);
            if (vector != null) {
              long seen = counts.merge(name, 1L, Long::sum);
              if (sampleRaw) {
                List<double[]> reservoir = vectors.computeIfAbsent(name, k -> new ArrayList<>());
                int slot = slot(seen, vectorsPerBucket);
                if (slot == reservoir.size()) {
                  reservoir.add(vector);
                } else if (slot >= 0) {
                  reservoir.set(slot, vector);
                }
              }
            }
          }
        }
      }
    }

    void subtract(Bucket gone) {
      size -= gone.size;
      gone.counts.forEach((name, count) -> counts.merge(name, -count, Long::sum));
      gone.bins.forEach((name, counts) -> {
        long[] into = bins.get(name);
        for (int i = 0; i < counts.length; i++) {
          into[i] -= counts[i];
        }
      });
      gone.categories.forEach((name, counted) -> {
        Map<String, Long> into = categories.get(name);
        counted.forEach((category, count) -> {
          if (into.merge(category, -count, Long::sum) == 0) {
            into.remove(category);
          }
        });
      });
    }

    /** Algorithm R: where the {@code seen}-th item goes in a reservoir, or -1 to drop it. */
    private int slot(long seen, int capacity) {
      if (seen <= capacity) {
        return (int) (seen - 1);
      }
      long pick = random.nextLong(seen);
      return pick < capacity ? (int) pick : -1;
    }
  }
}
