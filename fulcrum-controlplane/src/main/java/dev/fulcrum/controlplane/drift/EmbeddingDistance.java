package dev.fulcrum.controlplane.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The embedding-distance test: how far the current window's embedding centroid has moved from
 * the reference's, and whether that is more than chance.
 *
 * <p>Statistic: the cosine distance {@code 1 − cos(mean(R), mean(C))} between the centroids of
 * the reference sample {@code R} and the current sample {@code C}.
 *
 * <p>Threshold by permutation: pool {@code R ∪ C}, shuffle, split into groups of the original
 * sizes, and compute the distance again, {@code permutations} times. Under "no drift" the
 * observed distance is just another draw from that distribution, so the p-value is {@code
 * (1 + #permuted ≥ observed) / (1 + permutations)} and the α-threshold is the {@code (1 − α)}
 * quantile of the permuted distances. The shuffles use a fixed seed, so results are
 * reproducible. Cost: {@code permutations × (|R| + |C|) × dimensions}; keep samples in the
 * hundreds.
 */
public final class EmbeddingDistance {
  private EmbeddingDistance() {}

  /**
   * @param distance the observed centroid cosine distance
   * @param threshold the (1 − α) quantile of the permuted distances
   * @param pValue the permutation p-value
   */
  public record Result(double distance, double threshold, double pValue) {}

  /** Cosine distance of two centroids; NaN when either is the zero vector. */
  public static double cosineDistance(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    if (na == 0 || nb == 0) {
      return Double.NaN;
    }
    return 1 - dot / Math.sqrt(na * nb);
  }

  /** The mean of {@code vectors} (all of one dimension). */
  public static double[] centroid(List<double[]> vectors) {
    double[] sum = new double[vectors.getFirst().length];
    for (double[] v : vectors) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += v[i];
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= vectors.size();
    }
    return sum;
  }

  /** @return NaN for all three when either sample is empty */
  public static Result test(List<double[]> reference, List<double[]> current, int permutations,
      double alpha, long seed) {
    if (reference.isEmpty() || current.isEmpty()) {
      return new Result(Double.NaN, Double.NaN, Double.NaN);
    }
    double observed = cosineDistance(centroid(reference), centroid(current));
    List<double[]> pool = new ArrayList<>(reference);
    pool.addAll(current);
    Random random = new Random(seed);
    double[] permuted = new double[permutations];
    int atLeast = 0;
    for (int p = 0; p < permutations; p++) {
      Collections.shuffle(pool, random);
      permuted[p] = cosineDistance(centroid(pool.subList(0, reference.size())),
          centroid(pool.subList(reference.size(), pool.size())));
      if (permuted[p] >= observed) {
        atLeast++;
      }
    }
    Arrays.sort(permuted);
    double threshold = permuted[Math.min(permutations - 1,
        (int) Math.ceil((1 - alpha) * permutations) - 1)];
    return new Result(observed, threshold, (1.0 + atLeast) / (1.0 + permutations));
  }
}
