package dev.fulcrum.dataplane.privacy.ner;

import java.util.Arrays;

/**
 * Training-time weights of the averaged perceptron: an open-addressing table from feature key
 * to a row of {@link Labels#COUNT} floats, plus the running sums that give the averaged weights
 * ({@code avg = w - u / c}, Daumé's trick, so each update is O(1)).
 */
final class PerceptronWeights {
  private static final int L = Labels.COUNT;

  private int[] keys = new int[1 << 20];
  private float[] w = new float[keys.length * L];
  private double[] u = new double[keys.length * L];
  private int size;
  final float[] trans = new float[(L + 1) * L];
  final double[] transU = new double[(L + 1) * L];

  /** Row offset of a key, or -1. */
  int row(int key) {
    int k = key == 0 ? 1 : key;
    int mask = keys.length - 1;
    for (int slot = Hashing.mix(k) & mask; ; slot = (slot + 1) & mask) {
      if (keys[slot] == k) {
        return slot * L;
      }
      if (keys[slot] == 0) {
        return -1;
      }
    }
  }

  private int rowOrInsert(int key) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int k = key == 0 ? 1 : key;
    int mask = keys.length - 1;
    for (int slot = Hashing.mix(k) & mask; ; slot = (slot + 1) & mask) {
      if (keys[slot] == k) {
        return slot * L;
      }
      if (keys[slot] == 0) {
        keys[slot] = k;
        size++;
        return slot * L;
      }
    }
  }

  private void grow() {
    int[] oldKeys = keys;
    float[] oldW = w;
    double[] oldU = u;
    keys = new int[oldKeys.length * 2];
    w = new float[keys.length * L];
    u = new double[keys.length * L];
    size = 0;
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] != 0) {
        int r = rowOrInsert(oldKeys[s]);
        System.arraycopy(oldW, s * L, w, r, L);
        System.arraycopy(oldU, s * L, u, r, L);
      }
    }
  }

  void score(int[] feats, int from, int count, float[] em, int base) {
    Arrays.fill(em, base, base + L, 0f);
    for (int f = from; f < from + count; f++) {
      int r = row(feats[f]);
      if (r >= 0) {
        for (int y = 0; y < L; y++) {
          em[base + y] += w[r + y];
        }
      }
    }
  }

  void update(int[] feats, int from, int count, int tag, float delta, long c) {
    for (int f = from; f < from + count; f++) {
      int r = rowOrInsert(feats[f]);
      w[r + tag] += delta;
      u[r + tag] += (double) c * delta;
    }
  }

  void updateTransition(int prev, int tag, float delta, long c) {
    int i = (prev + 1) * L + tag;
    trans[i] += delta;
    transU[i] += (double) c * delta;
  }

  int size() {
    return size;
  }

  /** Calls {@code visitor} with each key and its averaged row. */
  void forEachAveraged(long c, RowVisitor visitor) {
    float[] row = new float[L];
    for (int s = 0; s < keys.length; s++) {
      if (keys[s] != 0) {
        for (int y = 0; y < L; y++) {
          row[y] = (float) (w[s * L + y] - u[s * L + y] / c);
        }
        visitor.visit(keys[s], row);
      }
    }
  }

  float[] averagedTransitions(long c) {
    float[] t = new float[trans.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = (float) (trans[i] - transU[i] / c);
    }
    return t;
  }

  interface RowVisitor {
    void visit(int key, float[] row);
  }
}
