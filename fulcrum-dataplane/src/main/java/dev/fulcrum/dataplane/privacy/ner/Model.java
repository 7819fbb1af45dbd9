package dev.fulcrum.dataplane.privacy.ner;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained weights: for every kept feature key one row of {@link Labels#COUNT} weights, the
 * tag transition matrix, and the two calibration constants that map a decision margin to a
 * probability. Immutable. The file keeps 16-bit weights with one global scale; in memory each
 * row is 8-bit with its own power-of-two step (see the constructor).
 *
 * <p>File format (gzip of a {@link DataOutputStream}): magic {@code FNER}, version, label count,
 * template count, gazetteer class count, scale, transitions, calibration a and b, feature
 * count, keys in ascending order as unsigned varint deltas, then the weight rows.
 */
final class Model {
  private static final int MAGIC = 0x464E4552;
  private static final int VERSION = 1;
  private static final int L = Labels.COUNT;

  static {
    if (L != 9) {
      throw new AssertionError("Model.score is unrolled for 9 tags");
    }
  }

  /**
   * Slot {@code s} is {@code table[2s]} (key, weights 0-3) and {@code table[2s+1]} (weights
   * 4-8, step exponent). Keys are outputs of {@link Hashing#combine}, already well mixed, so
   * their low bits pick the slot directly.
   */
  private final long[] table;
  private final int mask;
  private final int size;
  private final float[] transitions;
  private final float calibrationA;
  private final float calibrationB;

  /**
   * Builds the lookup table: each feature's row is requantized to 8 bits with its own
   * power-of-two step, and stored inline with its key in 16 bytes, so one lookup touches one
   * cache line.
   */
  Model(int[] keys, short[] weights, float scale, float[] transitions, float a, float b) {
    int capacity = Integer.highestOneBit(Math.max(4, keys.length) * 3 / 2) * 2;
    this.table = new long[capacity * 2];
    this.mask = capacity - 1;
    this.size = keys.length;
    for (int r = 0; r < keys.length; r++) {
      int key = keys[r] == 0 ? 1 : keys[r];
      int slot = key & mask;
      while (table[2 * slot] != 0) {
        slot = (slot + 1) & mask;
      }
      pack(slot, key, weights, r * L, scale);
    }
    this.transitions = constrain(transitions.clone());
    this.calibrationA = a;
    this.calibrationB = b;
  }

  private void pack(int slot, int key, short[] weights, int offset, float scale) {
    float max = 0;
    for (int y = 0; y < L; y++) {
      max = Math.max(max, Math.abs(weights[offset + y] * scale));
    }
    int exponent = max == 0 ? -EXPONENT_BIAS : Math.getExponent(max / 127f) + 1;
    exponent = Math.max(-EXPONENT_BIAS, Math.min(EXPONENT_BIAS - 1, exponent));
    float step = STEPS[exponent + EXPONENT_BIAS];
    long lo = key & 0xFFFFFFFFL;
    long hi = (long) (exponent + EXPONENT_BIAS) << 40;
    for (int y = 0; y < L; y++) {
      long q = Math.round(weights[offset + y] * scale / step) & 0xFF;
      if (y < 4) {
        lo |= q << (32 + 8 * y);
      } else {
        hi |= q << (8 * (y - 4));
      }
    }
    table[2 * slot] = lo;
    table[2 * slot + 1] = hi;
  }

  private static final int EXPONENT_BIAS = 64;
  private static final float[] STEPS = new float[2 * EXPONENT_BIAS];

  static {
    for (int i = 0; i < STEPS.length; i++) {
      STEPS[i] = (float) Math.scalb(1.0, i - EXPONENT_BIAS);
    }
  }

  private static float[] constrain(float[] trans) {
    for (int p = -1; p < L; p++) {
      for (int y = 0; y < L; y++) {
        if (!Labels.allowed(p, y)) {
          trans[(p + 1) * L + y] = Decoder.FORBIDDEN;
        }
      }
    }
    return trans;
  }

  float[] transitions() {
    return transitions;
  }

  /** The slot of a feature key, or -1 when the model lacks it. */
  int slot(int key) {
    int k = key == 0 ? 1 : key;
    for (int slot = k & mask; ; slot = (slot + 1) & mask) {
      long lo = table[2 * slot];
      if ((int) lo == k) {
        return slot;
      }
      if (lo == 0) {
        return -1;
      }
    }
  }

  /** The weight of the feature in {@code slot} for {@code tag}. */
  float weight(int slot, int tag) {
    long lo = table[2 * slot];
    long hi = table[2 * slot + 1];
    float step = STEPS[(int) (hi >>> 40) & 0xFF];
    int q = tag < 4 ? (byte) (lo >>> (32 + 8 * tag)) : (byte) (hi >>> (8 * (tag - 4)));
    return q * step;
  }

  /**
   * Loads the first slot of each of {@code keys[0, count)} and returns a value made of them all,
   * which the caller must keep (so the JIT keeps the loads). The loads do not depend on each
   * other, so the processor has many cache misses in flight at once, where {@link #score} would
   * wait for them a few at a time; {@link #score} then finds the rows in cache. The table takes
   * megabytes and a scan reads thousands of rows: when other work has evicted them from the
   * caches since the last scan (the usual case on a busy server), this saves about a third of
   * the recognizer's time; when they are cached it costs a few percent.
   */
  long prefetch(int[] keys, int count) {
    long touched = 0;
    for (int f = 0; f < count; f++) {
      int k = keys[f] == 0 ? 1 : keys[f];
      touched += table[2 * (k & mask)];
    }
    return touched;
  }

  /** Adds the weights of keys {@code keys[from, to)} to the tag scores at {@code em[base..]}. */
  void score(int[] keys, int from, int to, float[] em, int base) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    for (int f = from; f < to; f++) {
      int k = keys[f] == 0 ? 1 : keys[f];
      for (int slot = k & mask; ; slot = (slot + 1) & mask) {
        long lo = table[2 * slot];
        if ((int) lo == k) {
          long hi = table[2 * slot + 1];
          float step = STEPS[(int) (hi >>> 40) & 0xFF];
          s0 += (byte) (lo >>> 32) * step;
          s1 += (byte) (lo >>> 40) * step;
          s2 += (byte) (lo >>> 48) * step;
          s3 += (byte) (lo >>> 56) * step;
          s4 += (byte) hi * step;
          s5 += (byte) (hi >>> 8) * step;
          s6 += (byte) (hi >>> 16) * step;
          s7 += (byte) (hi >>> 24) * step;
          s8 += (byte) (hi >>> 32) * step;
          break;
        }
        if (lo == 0) {
          break;
        }
      }
    }
    em[base] = s0;
    em[base + 1] = s1;
    em[base + 2] = s2;
    em[base + 3] = s3;
    em[base + 4] = s4;
    em[base + 5] = s5;
    em[base + 6] = s6;
    em[base + 7] = s7;
    em[base + 8] = s8;
  }

  /** Probability that a span tagged with decision margin {@code margin} is right. */
  double confidence(float margin) {
    double z = calibrationA * margin + calibrationB;
    return 1 / (1 + Math.exp(-z));
  }

  int size() {
    return size;
  }

  static Model read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(
        new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    if (in.readInt() != MAGIC || in.readInt() != VERSION) {
      throw new IOException("not a Fulcrum NER model, or a version this build cannot read");
    }
    if (in.readInt() != L || in.readInt() != Template.values().length
        || in.readInt() != Gazetteer.CLASSES.length) {
      throw new IOException("the NER model was trained for other labels, templates or "
          + "gazetteer classes than this build has; retrain it with tools/ner/train.sh");
    }
    float scale = in.readFloat();
    float[] trans = new float[(L + 1) * L];
    for (int i = 0; i < trans.length; i++) {
      trans[i] = in.readFloat();
    }
    float a = in.readFloat();
    float b = in.readFloat();
    int n = in.readInt();
    int[] keys = new int[n];
    long key = Integer.MIN_VALUE - 1L;
    for (int i = 0; i < n; i++) {
      key += readVarint(in);
      keys[i] = (int) key;
    }
    short[] weights = new short[n * L];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = in.readShort();
    }
    return new Model(keys, weights, scale, trans, a, b);
  }

  /** Writes a model; {@code keys} must be ascending and distinct. Used by the trainer. */
  static void write(OutputStream raw, int[] keys, short[] weights, float scale,
      float[] transitions, float a, float b) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
    DataOutputStream out = new DataOutputStream(gz);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(L);
    out.writeInt(Template.values().length);
    out.writeInt(Gazetteer.CLASSES.length);
    out.writeFloat(scale);
    for (float t : transitions) {
      out.writeFloat(t);
    }
    out.writeFloat(a);
    out.writeFloat(b);
    out.writeInt(keys.length);
    long prev = Integer.MIN_VALUE - 1L;
    for (int k : keys) {
      writeVarint(out, k - prev);
      prev = k;
    }
    for (short w : weights) {
      out.writeShort(w);
    }
    out.flush();
    gz.finish();
  }

  private static long readVarint(DataInputStream in) throws IOException {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        return v;
      }
    }
  }

  private static void writeVarint(DataOutputStream out, long v) throws IOException {
    while (v >= 0x80) {
      out.writeByte((int) (v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte((int) v);
  }
}
