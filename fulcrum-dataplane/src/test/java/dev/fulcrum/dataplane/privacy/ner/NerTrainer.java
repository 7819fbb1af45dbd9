package dev.fulcrum.dataplane.privacy.ner;

import dev.fulcrum.core.privacy.EntityType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains the NER model from the committed templates, samples and gazetteer and writes
 * {@code model.bin.gz} into the main resources. Deterministic for a given seed. Run through
 * {@code tools/ner/train.sh}; lives in the test tree so it never ships.
 *
 * <p>Design notes: structured averaged perceptron (Collins 2002) over BIO tags with Viterbi
 * decoding. During training, capitalized person, location and organization tokens randomly
 * lose their gazetteer classes (30%) and their word identity (15%) so the model also learns
 * shape and context, which is what carries it on names that no list contains. Lowercase and
 * NRP tokens keep theirs: a lowercase name no list knows looks like any unknown word, and
 * nationalities, religions and parties are a closed class. After training the features with the largest averaged
 * weights are kept and quantized to 16 bits; a logistic fit of decision margin against
 * correctness on held-out generated sentences calibrates the scores.
 */
final class NerTrainer {
  static final String RESOURCES =
      "fulcrum-dataplane/src/main/resources/dev/fulcrum/dataplane/privacy/ner/";
  private static final int L = Labels.COUNT;
  private static final int UNKNOWN_WORD = Hashing.mix(0x0BADC0DE);

  private final Gazetteer gazetteer;
  private final Random rnd;
  private final PerceptronWeights weights = new PerceptronWeights();
  private final TokenSeq seq = new TokenSeq(Tagger.SEGMENT);
  private final int[] feats = new int[Tagger.SEGMENT * FeatureExtractor.MAX_FEATURES];
  private final int[] counts = new int[Tagger.SEGMENT];
  private final float[] em = new float[Tagger.SEGMENT * L];
  private final float[] forward = new float[Tagger.SEGMENT * L];
  private final int[] back = new int[Tagger.SEGMENT * L];
  private final int[] path = new int[Tagger.SEGMENT];
  private long c = 1;
  private long errors;

  NerTrainer(Gazetteer gazetteer, long seed) {
    this.gazetteer = gazetteer;
    this.rnd = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    Path repo = Path.of(arg(args, "--repo", "."));
    int epochs = Integer.parseInt(arg(args, "--epochs", "8"));
    int sentences = Integer.parseInt(arg(args, "--sentences", "120000"));
    int maxFeatures = Integer.parseInt(arg(args, "--features", "150000"));
    long seed = Long.parseLong(arg(args, "--seed", "20240917"));
    long t0 = System.nanoTime();
    TrainingSources src = TrainingSources.read(repo);
    Gazetteer gazetteer;
    try (var in = Files.newInputStream(repo.resolve(RESOURCES + "gazetteer.tsv.gz"))) {
      gazetteer = Gazetteer.read(in);
    }
    List<Example> train = generate(new SentenceGenerator(src, seed), sentences);
    List<Example> heldOut = generate(new SentenceGenerator(src, seed + 1), sentences / 20);
    log("generated %d training and %d held-out sentences from %d templates in %.1f s",
        train.size(), heldOut.size(), src.templates.size(), secondsSince(t0));
    NerTrainer trainer = new NerTrainer(gazetteer, seed);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      long te = System.nanoTime();
      Collections.shuffle(train, trainer.rnd);
      trainer.errors = 0;
      for (Example ex : train) {
        trainer.train(ex);
      }
      log("epoch %d: %d token errors, %d features, %.1f s", epoch, trainer.errors,
          trainer.weights.size(), secondsSince(te));
    }
    Model draft = trainer.compress(maxFeatures, 1f, 0f);
    float[] ab = Calibration.fit(gazetteer, draft, heldOut);
    Model model = trainer.compress(maxFeatures, ab[0], ab[1]);
    Path out = repo.resolve(RESOURCES + "model.bin.gz");
    try (OutputStream os = Files.newOutputStream(out)) {
      trainer.write(os, maxFeatures, ab[0], ab[1]);
    }
    log("calibration a=%.4f b=%.4f; wrote %s (%d features, %d bytes) in %.1f s total",
        ab[0], ab[1], out, model.size(), Files.size(out), secondsSince(t0));
    TokenMetrics heldOutMetrics = TokenMetrics.of(NerRecognizer.of(gazetteer, model), heldOut);
    log("held-out generated sentences (not an evaluation set):%n%s", heldOutMetrics.table());
  }

  private static List<Example> generate(SentenceGenerator gen, int n) {
    List<Example> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(gen.next());
    }
    return list;
  }

  private void train(Example ex) {
    String text = ex.text();
    int pos = 0;
    while (pos < text.length()) {
      pos = Tokenizer.next(text, pos, seq);
      int n = seq.size();
      if (n == 0) {
        break;
      }
      gazetteer.annotate(seq);
      int[] gold = ex.tags(seq);
      dropout(gold);
      float[] trans = constrained(weights.trans);
      for (int i = 0; i < n; i++) {
        counts[i] = FeatureExtractor.extract(seq, i, feats, i * FeatureExtractor.MAX_FEATURES,
            null);
        weights.score(feats, i * FeatureExtractor.MAX_FEATURES, counts[i], em, i * L);
      }
      Decoder.viterbi(em, n, trans, forward, back, path);
      update(gold, n);
    }
    c++;
  }

  private void dropout(int[] gold) {
    dropout(seq, gold, rnd, true);
  }

  /**
   * Hides gazetteer classes (30%) and, when {@code words}, word identity (15%) of capitalized
   * person, location and organization tokens.
   */
  static void dropout(TokenSeq seq, int[] gold, Random rnd, boolean words) {
    int wordBit = Gazetteer.bit("WORD");
    int nrp = Labels.typeIndex(EntityType.NRP);
    for (int i = 0; i < gold.length; i++) {
      boolean open = gold[i] != Labels.OUTSIDE && Labels.type(gold[i]) != nrp;
      if (open && seq.caps[i] != TokenSeq.LOWER && seq.caps[i] != TokenSeq.NO_LETTER) {
        if (rnd.nextInt(100) < 30) {
          seq.gaz[i] &= wordBit;
          seq.phrase[i] = 0;
        }
        if (words && rnd.nextInt(100) < 15) {
          seq.word[i] = UNKNOWN_WORD;
        }
      }
    }
  }

  private void update(int[] gold, int n) {
    for (int t = 0; t < n; t++) {
      int base = t * FeatureExtractor.MAX_FEATURES;
      if (path[t] != gold[t]) {
        errors++;
        weights.update(feats, base, counts[t], gold[t], 1f, c);
        weights.update(feats, base, counts[t], path[t], -1f, c);
      }
      int prevGold = t == 0 ? -1 : gold[t - 1];
      int prevPred = t == 0 ? -1 : path[t - 1];
      if (prevGold != prevPred || gold[t] != path[t]) {
        weights.updateTransition(prevGold, gold[t], 1f, c);
        weights.updateTransition(prevPred, path[t], -1f, c);
      }
    }
  }

  private static float[] constrained(float[] trans) {
    float[] t = trans.clone();
    for (int p = -1; p < L; p++) {
      for (int y = 0; y < L; y++) {
        if (!Labels.allowed(p, y)) {
          t[(p + 1) * L + y] = Decoder.FORBIDDEN;
        }
      }
    }
    return t;
  }

  /** Keeps the {@code max} features with the largest averaged weights, quantized. */
  private Compressed select(int max) {
    List<float[]> rows = new ArrayList<>();
    List<Integer> keys = new ArrayList<>();
    weights.forEachAveraged(c, (key, row) -> {
      float m = maxAbs(row);
      if (m > 0) {
        keys.add(key);
        rows.add(row.clone());
      }
    });
    Integer[] order = new Integer[keys.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> {
      int cmp = Float.compare(maxAbs(rows.get(y)), maxAbs(rows.get(x)));
      return cmp != 0 ? cmp : Integer.compare(keys.get(x), keys.get(y));
    });
    int kept = Math.min(max, order.length);
    Integer[] chosen = Arrays.copyOf(order, kept);
    Arrays.sort(chosen, (x, y) -> Integer.compare(keys.get(x), keys.get(y)));
    float globalMax = 0;
    for (Integer i : chosen) {
      globalMax = Math.max(globalMax, maxAbs(rows.get(i)));
    }
    float scale = globalMax / Short.MAX_VALUE;
    int[] outKeys = new int[kept];
    short[] outWeights = new short[kept * L];
    for (int r = 0; r < kept; r++) {
      outKeys[r] = keys.get(chosen[r]);
      float[] row = rows.get(chosen[r]);
      for (int y = 0; y < L; y++) {
        outWeights[r * L + y] = (short) Math.round(row[y] / scale);
      }
    }
    return new Compressed(outKeys, outWeights, scale, weights.averagedTransitions(c));
  }

  private Model compress(int max, float a, float b) {
    Compressed m = select(max);
    return new Model(m.keys, m.weights, m.scale, m.transitions, a, b);
  }

  private void write(OutputStream out, int max, float a, float b) throws IOException {
    Compressed m = select(max);
    Model.write(out, m.keys, m.weights, m.scale, m.transitions, a, b);
  }

  private record Compressed(int[] keys, short[] weights, float scale, float[] transitions) {}

  private static float maxAbs(float[] row) {
    float m = 0;
    for (float v : row) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static void log(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
