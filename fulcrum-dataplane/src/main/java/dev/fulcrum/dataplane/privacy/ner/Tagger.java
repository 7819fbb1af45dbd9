package dev.fulcrum.dataplane.privacy.ner;

/**
 * Tags one segment: gazetteer lookups, features, emission scores, Viterbi. Holds the scratch
 * arrays of one call; used by one thread at a time, never shared by two calls at once.
 */
final class Tagger {
  static final int SEGMENT = 128;
  private static final int L = Labels.COUNT;

  final TokenSeq seq = new TokenSeq(SEGMENT);
  final float[] emissions = new float[SEGMENT * L];
  final float[] forward = new float[SEGMENT * L];
  final float[] backward = new float[SEGMENT * L];
  final int[] back = new int[SEGMENT * L];
  final int[] path = new int[SEGMENT];
  private final int[] keys = new int[SEGMENT * FeatureExtractor.MAX_FEATURES];
  /** Token i's features are {@code keys[featureStart[i], featureStart[i + 1])}. */
  private final int[] featureStart = new int[SEGMENT + 1];
  /** {@link Model#prefetch}'s result, kept only so its loads are not optimized away. */
  private long prefetched;
  private final Gazetteer gazetteer;
  private final Model model;

  Tagger(Gazetteer gazetteer, Model model) {
    this.gazetteer = gazetteer;
    this.model = model;
  }

  /** Reads the next segment of {@code text} from {@code from}; returns where the next starts. */
  int load(CharSequence text, int from) {
    int next = Tokenizer.next(text, from, seq);
    prefetched += gazetteer.annotate(seq);
    return next;
  }

  /** Drops the reference to the last text, so a tagger kept for reuse holds no prompt. */
  void release() {
    seq.reset("");
  }

  /** Scores and decodes the loaded segment into {@link #path}. */
  void tag() {
    int n = seq.size();
    int total = 0;
    for (int i = 0; i < n; i++) {
      featureStart[i] = total;
      total += FeatureExtractor.extract(seq, i, keys, total, null);
    }
    featureStart[n] = total;
    prefetched += model.prefetch(keys, total);
    for (int i = 0; i < n; i++) {
      model.score(keys, featureStart[i], featureStart[i + 1], emissions, i * L);
    }
    Decoder.viterbi(emissions, n, model.transitions(), forward, back, path);
  }

  /** Calibrated confidence that tokens {@code [from, to)} form an entity of {@code type}. */
  double confidence(int from, int to, int type, boolean backwardReady) {
    if (!backwardReady) {
      // spans come left to right: suffix scores from the first span on serve them all
      Decoder.backward(emissions, seq.size(), model.transitions(), backward, from);
    }
    return model.confidence(Decoder.margin(forward, backward, from, to, type));
  }
}
