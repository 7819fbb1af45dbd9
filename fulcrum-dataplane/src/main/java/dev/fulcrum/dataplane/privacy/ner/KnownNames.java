package dev.fulcrum.dataplane.privacy.ner;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A closed set of names the model sometimes leaves untagged: countries (reported as LOCATION) and
 * languages and nationalities (reported as NRP), such as "Spain", "Uruguay", "English" and
 * "Swedish" in "flights to Spain, Brazil or Uruguay" or "she speaks Swedish".
 *
 * <p>Sources, all read at load time without any download: the JDK's own CLDR data (the English
 * display name of every ISO 3166 country and ISO 639 language, {@link Locale#getISOCountries()},
 * {@link Locale#getISOLanguages()}), plus {@value #LIST}, a short hand-written list of common
 * short country names, demonyms and the ambiguity flags below.
 *
 * <p>Rules, applied after the model has tagged a segment ({@link #emit}):
 *
 * <ul>
 *   <li>The model comes first: only tokens it tagged outside every entity are looked at, so a
 *       name the model reads as part of a person, organization or street address stays there.
 *   <li>Exact names only: the folded tokens must equal a whole entry (the longest one, up to
 *       {@value Gazetteer#MAX_PHRASE} tokens, "Bosnia and Herzegovina"), and its first and last
 *       words must start with a capital and not be all capitals.
 *   <li>Names that are also common given names ("Jordan", "Chad", "Georgia") are flagged
 *       {@code MODEL_ONLY} and never reported by the list; names that are also ordinary words
 *       ("Turkey", "China", "Polish") are flagged {@code NOT_SENTENCE_START} and not reported at
 *       the start of a sentence or line, where the capital says nothing.
 *   <li>A name both a country and a language ("Nauru") is a LOCATION.
 * </ul>
 *
 * <p>Findings get a fixed {@linkplain #SCORE score}. Lookups are by the token hashes the tagger
 * already computed, in an open-addressing table of some thousand slots: no allocation but the
 * entities found. Immutable and thread-safe.
 */
final class KnownNames {
  /** Score of every finding: above the detector's default minimum of 0.5. */
  static final double SCORE = 0.75;
  static final String LIST = "known-names.tsv";

  private static final int LOCATION = 1;
  private static final int NRP = 1 << 1;
  private static final int MODEL_ONLY = 1 << 2;
  private static final int NOT_SENTENCE_START = 1 << 3;
  private static final String[] CLASSES = {"LOCATION", "NRP", "MODEL_ONLY", "NOT_SENTENCE_START"};

  /** No names: the model alone. */
  static final KnownNames NONE = new KnownNames(new Gazetteer.Builder(2).build());

  private final Gazetteer table;

  private KnownNames(Gazetteer table) {
    this.table = table;
  }

  /** The CLDR names of the running JDK plus the hand-written list {@value #LIST}. */
  static KnownNames load(InputStream list) throws IOException {
    Gazetteer.Builder builder = new Gazetteer.Builder(1 << 12);
    for (String code : Locale.getISOCountries()) {
      String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
      if (!name.equals(code)) {
        countryNameVariants(name).forEach(variant -> builder.add(LOCATION, variant));
      }
    }
    for (String code : Locale.getISOLanguages()) {
      String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH);
      if (!name.equals(code)) {
        builder.add(NRP, name);
      }
    }
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(list, StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        int tab = line.indexOf('\t');
        if (!line.startsWith("#") && tab > 0) {
          builder.add(bit(line.substring(0, tab)), line.substring(tab + 1));
        }
      }
    }
    return new KnownNames(builder.build());
  }

  private static int bit(String className) {
    for (int i = 0; i < CLASSES.length; i++) {
      if (CLASSES[i].equals(className)) {
        return 1 << i;
      }
    }
    throw new IllegalArgumentException("unknown class in " + LIST + ": " + className);
  }

  /**
   * The forms of a CLDR display name that occur in running text: "Bosnia & Herzegovina" also as
   * "Bosnia and Herzegovina", "Myanmar (Burma)" as "Myanmar" and "Burma", "Congo - Kinshasa" as
   * "Congo", "Hong Kong SAR China" as "Hong Kong", "St. Lucia" also as "Saint Lucia".
   */
  static List<String> countryNameVariants(String cldrName) {
    String name = cldrName.replace(" SAR China", "");
    List<String> variants = new ArrayList<>(3);
    int dash = name.indexOf(" - ");
    if (dash > 0) {
      name = name.substring(0, dash);
    }
    int paren = name.indexOf(" (");
    if (paren > 0 && name.endsWith(")")) {
      variants.add(name.substring(paren + 2, name.length() - 1));
      name = name.substring(0, paren);
    }
    variants.add(name);
    if (name.contains(" & ")) {
      variants.add(name.replace(" & ", " and "));
    }
    if (name.startsWith("St. ")) {
      variants.add("Saint " + name.substring(4));
    }
    return variants;
  }

  /**
   * Appends a finding for each known name in the tagged segment that the model left outside
   * every entity ({@code path} holds the model's tags), by the rules in the class comment.
   */
  void emit(TokenSeq seq, int[] path, List<Entity> out) {
    int n = seq.size();
    for (int i = 0; i < n; i++) {
      if (path[i] != Labels.OUTSIDE || !capitalized(seq, i)) {
        continue;
      }
      int h = seq.word[i];
      int first = table.lookup(h);
      int bits = first & (LOCATION | NRP);
      int classes = first;
      int to = i + 1;
      if ((first & Gazetteer.PHRASE_START) != 0) {
        int limit = Math.min(n, i + Gazetteer.MAX_PHRASE);
        for (int j = i + 1; j < limit && path[j] == Labels.OUTSIDE; j++) {
          h = Hashing.combine(h, seq.word[j]);
          int phrase = table.lookup(h);
          if ((phrase & (LOCATION | NRP)) != 0 && capitalized(seq, j)) {
            bits = phrase & (LOCATION | NRP);
            classes = phrase;
            to = j + 1;
          }
        }
      }
      if (bits == 0 || (classes & MODEL_ONLY) != 0
          || ((classes & NOT_SENTENCE_START) != 0 && seq.capsAt[i] >= 8)) {
        continue;
      }
      EntityType type = (bits & LOCATION) != 0 ? EntityType.LOCATION : EntityType.NRP;
      out.add(new Entity(type, seq.start[i], seq.end[to - 1], SCORE));
      i = to - 1;
    }
  }

  /** Starts with a capital and is not all capitals: "Spain", "Guinea-Bissau", not "SPAIN". */
  private static boolean capitalized(TokenSeq seq, int i) {
    byte caps = seq.caps[i];
    return caps == TokenSeq.TITLE
        || (caps == TokenSeq.MIXED && Character.isUpperCase(seq.text().charAt(seq.start[i])));
  }
}
