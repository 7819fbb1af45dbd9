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
 * The trained weights: for every kept feature key one row of {@link Labels#COUNT} 16-bit
 * weights (times {@link #scale}), the tag transition matrix, and the two calibration
 * constants that map a decision margin to a probability. Immutable.
 *
 * <p>File format (gzip of a {@link DataOutputStream}): magic {@code FNER}, version, label count,
 * template count, gazetteer class count, scale, transitions, calibration a and b, feature
 * count, keys in ascending order as unsigned varint deltas, then the weight rows.
 */
final class Model {
  private static final int MAGIC = 0x464E4552;
  private static final int VERSION = 1;
  private static final int L = Labels.COUNT;

  private final int[] table;
  private final int[] rowOf;
  private final int mask;
  private final short[] weights;
  private final float scale;
  private final float[] transitions;
  private final float calibrationA;
  private final float calibrationB;

  Model(int[] keys, short[] weights, float scale, float[] transitions, float a, float b) {
    int capacity = Integer.highestOneBit(Math.max(4, keys.length) * 2) * 2;
    this.table = new int[capacity];
    this.rowOf = new int[capacity];
    this.mask = capacity - 1;
    for (int r = 0; r < keys.length; r++) {
      int slot = Hashing.mix(keys[r]) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = keys[r] == 0 ? 1 : keys[r];
      rowOf[slot] = r;
    }
    this.weights = weights;
    this.scale = scale;
    this.transitions = constrain(transitions.clone());
    this.calibrationA = a;
    this.calibrationB = b;
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

  float scale() {
    return scale;
  }

  /** The row offset of a feature key in {@link #weights}, or -1 when the model lacks it. */
  int row(int key) {
    int k = key == 0 ? 1 : key;
    for (int slot = Hashing.mix(k) & mask; ; slot = (slot + 1) & mask) {
      int found = table[slot];
      if (found == k) {
        return rowOf[slot] * L;
      }
      if (found == 0) {
        return -1;
      }
    }
  }

  short weight(int rowOffset, int tag) {
    return weights[rowOffset + tag];
  }

  /** Adds the weights of {@code count} feature keys to the tag scores at {@code em[base..]}. */
  void score(int[] keys, int count, float[] em, int base) {
    int[] acc = new int[L];
    for (int f = 0; f < count; f++) {
      int r = row(keys[f]);
      if (r >= 0) {
        for (int y = 0; y < L; y++) {
          acc[y] += weights[r + y];
        }
      }
    }
    for (int y = 0; y < L; y++) {
      em[base + y] = acc[y] * scale;
    }
  }

  /** Probability that a span tagged with decision margin {@code margin} is right. */
  double confidence(float margin) {
    double z = calibrationA * margin + calibrationB;
    return 1 / (1 + Math.exp(-z));
  }

  int size() {
    return weights.length / L;
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
