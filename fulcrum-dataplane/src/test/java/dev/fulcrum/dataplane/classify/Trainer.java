package dev.fulcrum.dataplane.classify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Trains the shipped prompt classifier; {@code tools/classifier/train.sh} runs this main with the
 * repository root as its argument.
 *
 * <p>Design notes. (1) Only the training split is used to fit weights, choose the L2 strength,
 * choose each head's feature variant, and fit the temperatures; the held-out split is classified
 * once, at the end, through the reloaded weights file and the production
 * {@link LinearPromptClassifier}. (2) Variants are column masks over one layout, {@link #LAYOUT}
 * embeddings then the lexical features, so the heads can choose differently and still share one
 * feature vector; the shipped file keeps only the windows some head uses. (3) Variants are chosen
 * for both heads together by the one-standard-error rule: among variants whose cross-validated NLL
 * is within one standard error of the head's best, take the pair that embeds the fewest
 * characters in total (every window is one more MiniLM run per call), then the lower NLL. (4) The
 * temperature is fitted on out-of-fold logits of models trained on 4/5 of the training split and
 * applied to the final model trained on all of it, which is slightly more confident; the report
 * measures calibration on the held-out split. (5) Everything is deterministic: hash-based split
 * and folds, zero initialization, convex objectives, one thread per fit. The same machine
 * reproduces the weights file byte for byte; another CPU may differ in the last bits of the ONNX
 * embeddings.
 */
final class Trainer {
  /**
   * Candidate embeddings. MiniLM reads at most 128 tokens of each (about 500 characters of
   * English), so 600 characters is "as much of the start as the model sees", 200 characters is
   * roughly the instruction alone, and the last 300 characters catch instructions placed after a
   * pasted document.
   */
  static final List<EmbeddingWindow> LAYOUT = List.of(
      EmbeddingWindow.head(600), EmbeddingWindow.head(200), EmbeddingWindow.tail(300));
  static final String RESOURCE =
      "fulcrum-dataplane/src/main/resources/dev/fulcrum/dataplane/classify/"
          + ModelFile.DEFAULT_RESOURCE;
  static final String REPORT = "tools/classifier/evaluation.md";
  static final String DATA = "tools/classifier/prompts.jsonl";
  private static final int WIDTH = MiniLmEmbedder.DIMENSIONS;
  private static final int LEXICAL = LexicalFeatures.NAMES.size();

  private Trainer() {}

  /**
   * A feature set compared by cross-validation.
   *
   * @param name for the report
   * @param windows indices into {@link #LAYOUT} of the embeddings used
   * @param lexical whether the lexical features are used
   */
  record Variant(String name, List<Integer> windows, boolean lexical) {
    /** Characters embedded per call by the windows this variant and {@code other} use. */
    int cost(Variant other) {
      return Stream.concat(windows.stream(), other.windows.stream()).distinct()
          .mapToInt(w -> LAYOUT.get(w).headChars() + LAYOUT.get(w).tailChars()).sum();
    }

    boolean[] keep() {
      boolean[] keep = new boolean[LAYOUT.size() * WIDTH + LEXICAL];
      for (int w = 0; w < LAYOUT.size(); w++) {
        Arrays.fill(keep, w * WIDTH, (w + 1) * WIDTH, windows.contains(w));
      }
      Arrays.fill(keep, LAYOUT.size() * WIDTH, keep.length, lexical);
      return keep;
    }
  }

  static final List<Variant> VARIANTS = List.of(
      new Variant("first 600 only", List.of(0), false),
      new Variant("first 600 + lexical", List.of(0), true),
      new Variant("first 200 + lexical", List.of(1), true),
      new Variant("first 600 + first 200 + lexical", List.of(0, 1), true),
      new Variant("first 600 + last 300 + lexical", List.of(0, 2), true),
      new Variant("first 600 + first 200 + last 300 + lexical", List.of(0, 1, 2), true));

  /**
   * One head's training outcome.
   *
   * @param <L> the label type
   * @param grids cross-validation grid per variant, in {@link #VARIANTS} order
   * @param chosen the shipped variant
   * @param point the chosen grid point
   * @param fit the final fit on raw {@link #LAYOUT} features, standardization folded in
   */
  record HeadTraining<L extends Enum<L>>(List<L> labels, List<List<CrossValidation.Point>> grids,
      Variant chosen, CrossValidation.Point point, SoftmaxRegression.Fit fit) {

    /** The parameters on the shipped windows only. */
    ModelWriter.Head<L> head(List<Integer> shipped) {
      double[][] weights = new double[labels.size()][];
      for (int k = 0; k < weights.length; k++) {
        weights[k] = slice(fit.weights()[k], shipped);
      }
      return new ModelWriter.Head<>(labels, weights, fit.bias(), point.temperature());
    }
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    LabelledSet set = LabelledSet.load(root.resolve(DATA));
    CachingEmbedder embedder = new CachingEmbedder(MiniLmEmbedder.shared());
    List<LabelledPrompt> train = set.train();
    int[] folds = train.stream().mapToInt(set::fold).toArray();
    log("embedding " + train.size() + " training prompts");
    float[][] layout = rows(train, LAYOUT, embedder);

    int[] complexityLabels = labels(train, LabelledPrompt::complexity);
    int[] intentLabels = labels(train, LabelledPrompt::intent);
    List<List<CrossValidation.Point>> complexityGrids =
        crossValidate("complexity", complexityLabels, Complexity.values().length, layout, folds);
    List<List<CrossValidation.Point>> intentGrids =
        crossValidate("intent", intentLabels, Intent.values().length, layout, folds);
    Variant[] chosen = choose(complexityGrids, intentGrids);
    HeadTraining<Complexity> complexity = fitHead(List.of(Complexity.values()), complexityLabels,
        layout, complexityGrids, chosen[0]);
    HeadTraining<Intent> intent = fitHead(List.of(Intent.values()), intentLabels,
        layout, intentGrids, chosen[1]);
    List<Integer> shipped = new ArrayList<>();
    for (int w = 0; w < LAYOUT.size(); w++) {
      if (complexity.chosen().windows().contains(w) || intent.chosen().windows().contains(w)) {
        shipped.add(w);
      }
    }
    List<EmbeddingWindow> windows = shipped.stream().map(LAYOUT::get).toList();

    String json = ModelWriter.write(windows, complexity.head(shipped), intent.head(shipped),
        trainingNode(root, set, complexity, intent));
    Files.writeString(root.resolve(RESOURCE), json, StandardCharsets.UTF_8);
    ClassifierModel model = ModelFile.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), RESOURCE);
    log("wrote " + RESOURCE + " (" + model.version() + "); classifying the held-out split");

    TrainingReport report = new TrainingReport(set, model.version(),
        LabelledSet.sha256(root.resolve(DATA)));
    report.heldOut(new LinearPromptClassifier(model, embedder), embedder, complexity, intent);
    Files.writeString(root.resolve(REPORT), report.render(windows, complexity, intent),
        StandardCharsets.UTF_8);
    log("wrote " + REPORT);
  }

  static <L extends Enum<L>> int[] labels(List<LabelledPrompt> prompts,
      Function<LabelledPrompt, L> label) {
    return prompts.stream().mapToInt(p -> label.apply(p).ordinal()).toArray();
  }

  /** The cross-validation grid of every variant, in {@link #VARIANTS} order. */
  static List<List<CrossValidation.Point>> crossValidate(String head, int[] y, int classes,
      float[][] layout, int[] folds) {
    List<List<CrossValidation.Point>> grids = new ArrayList<>();
    for (Variant variant : VARIANTS) {
      log("cross-validating " + head + ": " + variant.name());
      grids.add(CrossValidation.run(layout, y, classes, folds, variant.keep()));
    }
    return grids;
  }

  /** The complexity and intent variants, by the one-standard-error rule (design note 3). */
  static Variant[] choose(List<List<CrossValidation.Point>> complexity,
      List<List<CrossValidation.Point>> intent) {
    List<Variant> complexityOk = withinOneStandardError(complexity);
    List<Variant> intentOk = withinOneStandardError(intent);
    Variant[] best = null;
    double bestNll = Double.POSITIVE_INFINITY;
    for (Variant c : complexityOk) {
      for (Variant i : intentOk) {
        double nll = bestOf(complexity, c).nll() + bestOf(intent, i).nll();
        if (best == null || c.cost(i) < best[0].cost(best[1])
            || c.cost(i) == best[0].cost(best[1]) && nll < bestNll) {
          best = new Variant[] {c, i};
          bestNll = nll;
        }
      }
    }
    return best;
  }

  static CrossValidation.Point bestOf(List<List<CrossValidation.Point>> grids, Variant variant) {
    return CrossValidation.best(grids.get(VARIANTS.indexOf(variant)));
  }

  private static List<Variant> withinOneStandardError(List<List<CrossValidation.Point>> grids) {
    CrossValidation.Point best = null;
    for (Variant v : VARIANTS) {
      CrossValidation.Point p = bestOf(grids, v);
      best = best == null || p.nll() < best.nll() ? p : best;
    }
    double limit = best.nll() + best.nllStandardError();
    return VARIANTS.stream().filter(v -> bestOf(grids, v).nll() <= limit).toList();
  }

  static <L extends Enum<L>> HeadTraining<L> fitHead(List<L> labels, int[] y, float[][] layout,
      List<List<CrossValidation.Point>> grids, Variant chosen) {
    CrossValidation.Point point = bestOf(grids, chosen);
    Standardizer standardizer = Standardizer.fit(layout);
    double[][] x = CrossValidation.mask(standardizer.apply(layout), chosen.keep());
    SoftmaxRegression.Fit fit = SoftmaxRegression.fit(x, y, labels.size(), point.l2());
    log(labels.get(0).getDeclaringClass().getSimpleName() + ": shipped " + chosen.name()
        + ", l2=" + point.l2() + ", T=" + point.temperature() + ", " + fit.iterations()
        + " iterations");
    return new HeadTraining<>(labels, grids, chosen, point, standardizer.fold(fit));
  }

  static float[][] rows(List<LabelledPrompt> prompts, List<EmbeddingWindow> windows,
      TextEmbedder embedder) {
    float[][] rows = new float[prompts.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = Features.of(prompts.get(i).prompt(), windows, embedder);
    }
    return rows;
  }

  /** The columns of the shipped windows (indices into {@link #LAYOUT}) and the lexical ones. */
  static double[] slice(double[] layoutRow, List<Integer> shipped) {
    double[] out = new double[shipped.size() * WIDTH + LEXICAL];
    for (int s = 0; s < shipped.size(); s++) {
      System.arraycopy(layoutRow, shipped.get(s) * WIDTH, out, s * WIDTH, WIDTH);
    }
    System.arraycopy(layoutRow, LAYOUT.size() * WIDTH, out, shipped.size() * WIDTH, LEXICAL);
    return out;
  }

  static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static ObjectNode trainingNode(Path root, LabelledSet set,
      HeadTraining<Complexity> complexity, HeadTraining<Intent> intent) {
    ObjectNode node = Json.object();
    node.put("data", DATA);
    node.put("dataSha256", LabelledSet.sha256(root.resolve(DATA)));
    node.put("trainExamples", set.train().size());
    node.put("heldOutExamples", set.heldOut().size());
    node.put("trainer", Trainer.class.getName() + " via tools/classifier/train.sh");
    node.put("objective", "mean cross-entropy + l2/2*||W||^2 on standardized features");
    node.put("optimizer", "Nesterov accelerated gradient, adaptive restart, zero init, tol "
        + SoftmaxRegression.TOLERANCE);
    node.put("selection", LabelledSet.FOLDS + "-fold CV on the training split, l2 grid "
        + Arrays.toString(CrossValidation.L2_GRID) + ", calibrated out-of-fold NLL; feature"
        + " variants by the one-standard-error rule, fewest embedded characters first");
    head(node.putObject("complexity"), complexity);
    head(node.putObject("intent"), intent);
    return node;
  }

  private static void head(ObjectNode node, HeadTraining<?> head) {
    node.put("features", head.chosen().name());
    node.put("l2", head.point().l2());
    node.put("temperature", head.point().temperature());
    node.put("cvAccuracy", head.point().accuracy());
    node.put("cvNll", head.point().nll());
    node.put("cvNllStandardError", head.point().nllStandardError());
  }

  private static void log(String message) {
    System.err.println("[trainer] " + message);
  }
}
