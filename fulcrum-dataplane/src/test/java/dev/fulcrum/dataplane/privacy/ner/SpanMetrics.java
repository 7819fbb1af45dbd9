package dev.fulcrum.dataplane.privacy.ner;

import dev.fulcrum.core.privacy.Entity;
import java.util.List;
import java.util.Locale;

/**
 * Span-level counts over all types together: a predicted span is a true positive when it
 * overlaps a gold span of the same type (lenient match, as presidio-research's span
 * evaluation does with its overlap threshold); reports precision, recall and F2.
 */
final class SpanMetrics {
  private int tp;
  private int fp;
  private int fn;

  /** Counts one example; returns whether anything was wrong in it. */
  boolean add(Example ex, List<Entity> predicted) {
    int before = fp + fn;
    for (Entity e : predicted) {
      boolean hit = false;
      for (Example.Span s : ex.spans()) {
        hit |= Labels.TYPES[s.type()] == e.type() && s.start() < e.end() && e.start() < s.end();
      }
      if (hit) {
        tp++;
      } else {
        fp++;
      }
    }
    for (Example.Span s : ex.spans()) {
      boolean hit = false;
      for (Entity e : predicted) {
        hit |= Labels.TYPES[s.type()] == e.type() && s.start() < e.end() && e.start() < s.end();
      }
      if (!hit) {
        fn++;
      }
    }
    return fp + fn > before;
  }

  String table() {
    double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    double f2 = p + r == 0 ? 0 : 5 * p * r / (4 * p + r);
    return String.format(Locale.ROOT, "span level (overlap, all types): P %.3f R %.3f F2 %.3f"
        + " (tp %d fp %d fn %d)%n", p, r, f2, tp, fp, fn);
  }
}
