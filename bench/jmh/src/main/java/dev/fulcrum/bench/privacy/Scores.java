package dev.fulcrum.bench.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token-level and span-level counts per label, accumulated over samples.
 *
 * <p>Token level (Presidio's evaluation): texts are split into word and punctuation tokens; a
 * token takes the label of the gold (or predicted) span it overlaps, else none. Per label:
 * true positive when gold and prediction agree, false positive when predicted but gold differs,
 * false negative when gold but prediction differs. Span level: a predicted span is correct when
 * a not yet matched gold span of the same label overlaps it with intersection over union of at
 * least 0.5; F2 weighs recall twice as much as precision.
 */
final class Scores {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");
  static final double MIN_IOU = 0.5;

  /** Counts for one label. */
  static final class Counts {
    long tp;
    long fp;
    long fn;

    double precision() {
      return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
    }

    double f(double beta) {
      double p = precision();
      double r = recall();
      if (Double.isNaN(p) || Double.isNaN(r) || p + r == 0) {
        return p + r == 0 ? 0 : Double.NaN;
      }
      double b2 = beta * beta;
      return (1 + b2) * p * r / (b2 * p + r);
    }

    long support() {
      return tp + fn;
    }

    void add(Counts other) {
      tp += other.tp;
      fp += other.fp;
      fn += other.fn;
    }
  }

  final Map<String, Counts> tokens = new HashMap<>();
  final Map<String, Counts> spans = new HashMap<>();
  final Map<String, Long> predictedSpans = new HashMap<>();

  void add(Sample sample, List<Span> predicted) {
    addTokens(sample, predicted);
    addSpans(sample.gold(), predicted);
    for (Span p : predicted) {
      predictedSpans.merge(p.type(), 1L, Long::sum);
    }
  }

  private void addTokens(Sample sample, List<Span> predicted) {
    Matcher m = TOKEN.matcher(sample.text());
    while (m.find()) {
      String gold = labelAt(sample.gold(), m.start(), m.end());
      String pred = labelAt(predicted, m.start(), m.end());
      if (gold != null && gold.equals(pred)) {
        counts(tokens, gold).tp++;
        continue;
      }
      if (gold != null) {
        counts(tokens, gold).fn++;
      }
      if (pred != null) {
        counts(tokens, pred).fp++;
      }
    }
  }

  private void addSpans(List<Span> gold, List<Span> predicted) {
    List<Span> unmatched = new ArrayList<>(gold);
    for (Span p : predicted) {
      Span match = null;
      for (Span g : unmatched) {
        if (g.type().equals(p.type()) && g.iou(p) >= MIN_IOU) {
          match = g;
          break;
        }
      }
      if (match != null) {
        unmatched.remove(match);
        counts(spans, p.type()).tp++;
      } else {
        counts(spans, p.type()).fp++;
      }
    }
    for (Span g : unmatched) {
      counts(spans, g.type()).fn++;
    }
  }

  private static String labelAt(List<Span> spans, int start, int end) {
    for (Span s : spans) {
      if (s.overlaps(start, end)) {
        return s.type();
      }
    }
    return null;
  }

  static Counts counts(Map<String, Counts> map, String label) {
    return map.computeIfAbsent(label, k -> new Counts());
  }

  /** The sum over {@code labels}. */
  static Counts total(Map<String, Counts> map, List<String> labels) {
    Counts sum = new Counts();
    for (String label : labels) {
      Counts c = map.get(label);
      if (c != null) {
        sum.add(c);
      }
    }
    return sum;
  }
}
