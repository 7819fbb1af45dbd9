package dev.fulcrum.dataplane.privacy.ner;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds people, locations (street addresses, cities, regions, countries), organizations and
 * nationality/religious/political groups with a small local token model.
 *
 * <p>The model is a first-order BIO tagger (structured averaged perceptron, Viterbi decoding)
 * over hashed, human-readable features: the word and its neighbours, shape, capitalization,
 * affixes, and membership in gazetteers of first names, surnames, cities, regions, countries,
 * street and company suffixes, titles and common English words. {@link #explain} shows which
 * features drove each decision. Scores are calibrated probabilities derived from how much
 * better the chosen tagging is than the best tagging without the entity. Where the model tags
 * nothing, exact {@linkplain KnownNames country, language and nationality names} are still
 * reported, at a fixed score.
 *
 * <p>Thread-safe and immutable; {@link #find} does no I/O and never throws on odd input.
 * Work is linear in the text length: text is processed in segments of at most
 * {@value Tagger#SEGMENT} tokens, so memory per call is constant.
 */
public final class NerRecognizer implements Recognizer {
  private static final String GAZETTEER = "gazetteer.tsv.gz";
  private static final String MODEL = "model.bin.gz";

  private final Gazetteer gazetteer;
  private final Model model;
  private final KnownNames knownNames;
  /**
   * A tagger left by the last call, so calls that do not overlap reuse its scratch arrays (some
   * 80 KB) rather than allocate and zero new ones; a call that finds none makes its own.
   */
  private final AtomicReference<Tagger> spare = new AtomicReference<>();

  private NerRecognizer(Gazetteer gazetteer, Model model, KnownNames knownNames) {
    this.gazetteer = gazetteer;
    this.model = model;
    this.knownNames = knownNames;
  }

  /**
   * Loads the model and gazetteer shipped on the classpath (about 1.6 MB compressed, some
   * 11 MB on the heap) and the {@linkplain KnownNames known country, language and nationality
   * names}. Takes around a second; call once and share the instance.
   *
   * @throws UncheckedIOException if the resources are missing or corrupt
   */
  public static NerRecognizer load() {
    try {
      return new NerRecognizer(Gazetteer.read(open(GAZETTEER)), Model.read(open(MODEL)),
          KnownNames.load(open(KnownNames.LIST)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the NER model from the classpath", e);
    }
  }

  /** The model alone, without known names: what training measures. */
  static NerRecognizer of(Gazetteer gazetteer, Model model) {
    return of(gazetteer, model, KnownNames.NONE);
  }

  static NerRecognizer of(Gazetteer gazetteer, Model model, KnownNames knownNames) {
    return new NerRecognizer(gazetteer, model, knownNames);
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = NerRecognizer.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing classpath resource " + name);
    }
    return in;
  }

  Gazetteer gazetteer() {
    return gazetteer;
  }

  Model model() {
    return model;
  }

  KnownNames knownNames() {
    return knownNames;
  }

  @Override
  public void find(CharSequence text, List<Entity> out) {
    Objects.requireNonNull(out, "out");
    if (text == null || text.isEmpty()) {
      return;
    }
    Tagger tagger = spare.getAndSet(null);
    if (tagger == null) {
      tagger = new Tagger(gazetteer, model);
    }
    try {
      int pos = 0;
      while (pos < text.length()) {
        pos = tagger.load(text, pos);
        if (tagger.seq.size() == 0) {
          break;
        }
        tagger.tag();
        emit(tagger, out);
        knownNames.emit(tagger.seq, tagger.path, out);
      }
    } finally {
      tagger.release();
      spare.set(tagger);
    }
  }

  private static void emit(Tagger tagger, List<Entity> out) {
    TokenSeq seq = tagger.seq;
    int[] path = tagger.path;
    int n = seq.size();
    boolean backwardReady = false;
    for (int i = 0; i < n; ) {
      if (!Labels.isBegin(path[i])) {
        i++;
        continue;
      }
      int type = Labels.type(path[i]);
      int j = i + 1;
      while (j < n && path[j] == Labels.inside(type)) {
        j++;
      }
      int from = i;
      int to = j;
      while (from < to && isPunctuation(seq, from)) {
        from++;
      }
      while (to > from && isPunctuation(seq, to - 1)) {
        to--;
      }
      if (hasLetter(seq, from, to)) {
        double score = tagger.confidence(from, to, type, backwardReady);
        backwardReady = true;
        out.add(Labels.entity(type, seq.start[from], seq.end[to - 1], score));
      }
      i = j;
    }
  }

  /** A token with neither letters nor digits: never the first or last token of an entity. */
  private static boolean isPunctuation(TokenSeq seq, int i) {
    return seq.caps[i] == TokenSeq.NO_LETTER && !Character.isDigit(seq.text().charAt(seq.start[i]));
  }

  /** Names and places have letters; a bare number is left to the pattern recognizers. */
  private static boolean hasLetter(TokenSeq seq, int from, int to) {
    for (int i = from; i < to; i++) {
      if (seq.caps[i] != TokenSeq.NO_LETTER) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tags {@code text} and explains every token: its tag and the features that pushed it
   * towards that tag the most (weight for the tag minus weight for the runner-up tag).
   * For debugging and audits of the model; slower than {@link #find}.
   *
   * <p>Explanations quote the text (feature names contain words): keep them out of logs.
   *
   * @param maxFeatures how many features to keep per token, strongest first
   */
  public List<TokenExplanation> explain(CharSequence text, int maxFeatures) {
    List<TokenExplanation> result = new ArrayList<>();
    if (text == null) {
      return result;
    }
    Tagger tagger = new Tagger(gazetteer, model);
    int[] keys = new int[FeatureExtractor.MAX_FEATURES];
    int[] origins = new int[FeatureExtractor.MAX_FEATURES];
    int pos = 0;
    while (pos < text.length()) {
      pos = tagger.load(text, pos);
      if (tagger.seq.size() == 0) {
        break;
      }
      tagger.tag();
      for (int i = 0; i < tagger.seq.size(); i++) {
        result.add(explainToken(tagger, i, keys, origins, maxFeatures));
      }
    }
    return result;
  }

  private TokenExplanation explainToken(Tagger tagger, int i, int[] keys, int[] origins,
      int maxFeatures) {
    TokenSeq seq = tagger.seq;
    int tag = tagger.path[i];
    int rival = runnerUp(tagger.emissions, i, tag);
    int count = FeatureExtractor.extract(seq, i, keys, 0, origins);
    List<Contribution> contributions = new ArrayList<>();
    for (int f = 0; f < count; f++) {
      int slot = model.slot(keys[f]);
      if (slot >= 0) {
        double w = model.weight(slot, tag) - model.weight(slot, rival);
        if (w != 0) {
          contributions.add(new Contribution(FeatureExtractor.describe(seq, i, origins[f]), w));
        }
      }
    }
    contributions.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight())));
    List<Contribution> top = contributions.subList(0, Math.min(maxFeatures, contributions.size()));
    return new TokenExplanation(seq.start[i], seq.end[i], Labels.name(tag), Labels.name(rival),
        top);
  }

  private static int runnerUp(float[] emissions, int i, int tag) {
    int best = -1;
    for (int y = 0; y < Labels.COUNT; y++) {
      if (y != tag && (best < 0 || emissions[i * Labels.COUNT + y]
          > emissions[i * Labels.COUNT + best])) {
        best = y;
      }
    }
    return best;
  }

  /**
   * Why one token got its tag.
   *
   * @param start offset of the token's first char
   * @param end offset after its last char
   * @param tag the chosen BIO tag, such as {@code B-PERSON} or {@code O}
   * @param rival the tag with the next-highest token score
   * @param contributions the strongest features, as (description, weight for tag minus weight
   *     for rival)
   */
  public record TokenExplanation(int start, int end, String tag, String rival,
      List<Contribution> contributions) {
    public TokenExplanation {
      contributions = List.copyOf(contributions);
    }
  }

  /**
   * One feature's push towards a tag. The description quotes the text it read, so
   * {@link #toString()} leaves it out.
   *
   * @param feature readable feature, such as {@code w-1=lives} or {@code gaz|caps=CITY Title}
   * @param weight how much it favoured the chosen tag over the rival
   */
  public record Contribution(String feature, double weight) {
    @Override
    public String toString() {
      return "Contribution[feature=<" + feature.length() + " chars>, weight=" + weight + "]";
    }
  }
}
