package dev.fulcrum.dataplane.privacy.ner;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Token-level precision, recall and F1 per entity type, in the manner of presidio-research: a
 * token counts for a type when it overlaps a gold (or predicted) span of that type. Tokens are
 * this package's tokens, which split punctuation the way spaCy mostly does.
 */
final class TokenMetrics {
  private final Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);

  /** Runs {@code recognizer} over every example and counts. */
  static TokenMetrics of(NerRecognizer recognizer, List<Example> examples) {
    TokenMetrics m = new TokenMetrics();
    for (Example ex : examples) {
      List<Entity> found = new ArrayList<>();
      recognizer.find(ex.text(), found);
      m.add(ex, found);
    }
    return m;
  }

  void add(Example ex, List<Entity> predicted) {
    TokenSeq seq = new TokenSeq(1 << 12);
    String text = ex.text();
    int pos = 0;
    while (pos < text.length()) {
      pos = Tokenizer.next(text, pos, seq);
      for (int i = 0; i < seq.size(); i++) {
        EntityType gold = goldType(ex, seq.start[i], seq.end[i]);
        EntityType pred = predictedType(predicted, seq.start[i], seq.end[i]);
        count(gold, pred);
      }
    }
  }

  private void count(EntityType gold, EntityType pred) {
    if (gold != null && gold == pred) {
      row(gold)[0]++;
      return;
    }
    if (pred != null) {
      row(pred)[1]++;
    }
    if (gold != null) {
      row(gold)[2]++;
    }
  }

  private int[] row(EntityType type) {
    return counts.computeIfAbsent(type, t -> new int[3]);
  }

  private static EntityType goldType(Example ex, int start, int end) {
    for (Example.Span s : ex.spans()) {
      if (s.start() < end && start < s.end()) {
        return Labels.TYPES[s.type()];
      }
    }
    return null;
  }

  private static EntityType predictedType(List<Entity> predicted, int start, int end) {
    for (Entity e : predicted) {
      if (e.start() < end && start < e.end()) {
        return e.type();
      }
    }
    return null;
  }

  double precision(EntityType t) {
    int[] r = row(t);
    return r[0] + r[1] == 0 ? 0 : r[0] / (double) (r[0] + r[1]);
  }

  double recall(EntityType t) {
    int[] r = row(t);
    return r[0] + r[2] == 0 ? 0 : r[0] / (double) (r[0] + r[2]);
  }

  double f1(EntityType t) {
    double p = precision(t);
    double r = recall(t);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  String table() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "%-13s %9s %9s %9s %7s %7s %7s%n", "type", "precision", "recall", "F1", "tp", "fp", "fn"));
    for (EntityType t : Labels.TYPES) {
      int[] r = row(t);
      b.append(String.format(Locale.ROOT, "%-13s %9.3f %9.3f %9.3f %7d %7d %7d%n", t,
          precision(t), recall(t), f1(t), r[0], r[1], r[2]));
    }
    return b.toString();
  }
}
