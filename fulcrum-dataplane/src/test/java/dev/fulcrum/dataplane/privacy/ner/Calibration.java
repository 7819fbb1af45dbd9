package dev.fulcrum.dataplane.privacy.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fits {@code P(correct | margin) = sigmoid(a * margin + b)} by Newton's method on the spans a
 * draft model predicts for held-out generated sentences; a span is correct when a gold span has
 * the same type and the same tokens. The fit is regularized, and as in training some entity
 * tokens of the held-out sentences lose their gazetteer classes: real text has many names no
 * list holds, and clean held-out sentences would make the scores overconfident.
 */
final class Calibration {
  /** L2 penalty on a and b: keeps the fit finite when held-out spans are almost all right. */
  private static final double LAMBDA = 1.0;

  private Calibration() {}

  static float[] fit(Gazetteer gazetteer, Model model, List<Example> heldOut) {
    List<double[]> points = new ArrayList<>();
    Tagger tagger = new Tagger(gazetteer, model);
    Random rnd = new Random(1);
    for (Example ex : heldOut) {
      int pos = 0;
      while (pos < ex.text().length()) {
        pos = tagger.load(ex.text(), pos);
        int n = tagger.seq.size();
        if (n == 0) {
          break;
        }
        NerTrainer.dropout(tagger.seq, ex.tags(tagger.seq), rnd, false);
        tagger.tag();
        Decoder.backward(tagger.emissions, n, model.transitions(), tagger.backward, 0);
        collect(tagger, ex.tags(tagger.seq), points);
      }
    }
    return newton(points);
  }

  private static void collect(Tagger tagger, int[] gold, List<double[]> points) {
    int[] path = tagger.path;
    int n = tagger.seq.size();
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
      boolean correct = gold[i] == path[i] && (j == n || gold[j] != Labels.inside(type));
      for (int k = i + 1; k < j && correct; k++) {
        correct = gold[k] == path[k];
      }
      float margin = Decoder.margin(tagger.forward, tagger.backward, i, j, type);
      points.add(new double[] {margin, correct ? 1 : 0});
      i = j;
    }
  }

  private static float[] newton(List<double[]> points) {
    double a = 0;
    double b = 0;
    for (int iter = 0; iter < 100; iter++) {
      double ga = LAMBDA * a;
      double gb = LAMBDA * b;
      double haa = LAMBDA;
      double hab = 0;
      double hbb = LAMBDA;
      for (double[] p : points) {
        double q = sigmoid(a * p[0] + b);
        double r = q - p[1];
        ga += r * p[0];
        gb += r;
        double w = q * (1 - q);
        haa += w * p[0] * p[0];
        hab += w * p[0];
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      double step = 1;
      double before = loss(points, a, b);
      while (step > 1e-6 && loss(points, a - step * da, b - step * db) > before) {
        step /= 2;
      }
      a -= step * da;
      b -= step * db;
      if (step * (Math.abs(da) + Math.abs(db)) < 1e-9) {
        break;
      }
    }
    return new float[] {(float) a, (float) b};
  }

  private static double loss(List<double[]> points, double a, double b) {
    double sum = LAMBDA * (a * a + b * b) / 2;
    for (double[] p : points) {
      double z = a * p[0] + b;
      // log(1 + e^-z) for correct spans, log(1 + e^z) for wrong ones, computed stably
      double t = p[1] > 0.5 ? -z : z;
      sum += t > 30 ? t : Math.log1p(Math.exp(t));
    }
    return sum;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
