package dev.fulcrum.controlplane.drift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NannyML's modified California Housing set as drift samples (see
 * {@code /work/shared/data/drift/README.md}): eight input features (request side), the model's
 * score {@code y_pred_proba} (numeric response feature) and label {@code y_pred} (categorical
 * response feature), and the eight inputs scaled to [0, 1] by the reference's ranges as an
 * "embedding" — the data has no text, so this vector exercises the embedding-distance test.
 */
final class CaliforniaHousing {
  static final List<String> INPUTS = List.of("MedInc", "HouseAge", "AveRooms", "AveBedrms",
      "Population", "AveOccup", "Latitude", "Longitude");
  static final String SCORE = "y_pred_proba";
  static final String LABEL = "y_pred";
  static final String VECTOR = "inputs_scaled";

  /** One month of rows. */
  record Month(String month, boolean reference, List<Sample> samples, double accuracy) {}

  private record Row(String month, double[] inputs, double score, String label, String truth) {}

  private CaliforniaHousing() {}

  static List<Feature> features() {
    List<Feature> features = new ArrayList<>();
    INPUTS.forEach(name -> features.add(new Feature.Numeric(name)));
    features.add(new Feature.Numeric(SCORE));
    features.add(new Feature.Categorical(LABEL));
    features.add(new Feature.Embedding(VECTOR));
    return features;
  }

  private static final Path RELATIVE = Path.of("data", "drift", "california");

  /**
   * Where the data is: under {@code -Dfulcrum.shared} or {@code $FULCRUM_SHARED} when set and
   * present, else under the nearest {@code shared/} directory above the working directory (the
   * POM's default, {@code <repo>/../shared}, misses it from a worktree nested one level deeper).
   */
  static Path directory() {
    for (String configured : new String[] {System.getProperty("fulcrum.shared"),
        System.getenv("FULCRUM_SHARED")}) {
      if (configured != null && Files.isDirectory(Path.of(configured).resolve(RELATIVE))) {
        return Path.of(configured).resolve(RELATIVE);
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve(RELATIVE);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Path.of("..", "shared").resolve(RELATIVE);
  }

  /** Reference months then analysis months, in time order. */
  static List<Month> months(Path dir) {
    Map<String, String> truth = new HashMap<>();
    for (String[] cells : csv(dir.resolve("california_housing_analysis_gt.csv")).rows()) {
      truth.put(cells[0], cells[1]);
    }
    List<Row> reference = rows(dir.resolve("california_housing_reference.csv"), null);
    List<Row> analysis = rows(dir.resolve("california_housing_analysis.csv"), truth);
    double[] min = new double[INPUTS.size()];
    double[] max = new double[INPUTS.size()];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (Row row : reference) {
      for (int i = 0; i < min.length; i++) {
        min[i] = Math.min(min[i], row.inputs()[i]);
        max[i] = Math.max(max[i], row.inputs()[i]);
      }
    }
    List<Month> months = new ArrayList<>();
    months.addAll(byMonth(reference, true, min, max));
    months.addAll(byMonth(analysis, false, min, max));
    return months;
  }

  private static List<Month> byMonth(List<Row> rows, boolean reference, double[] min,
      double[] max) {
    Map<String, List<Row>> grouped = new LinkedHashMap<>();
    rows.forEach(row -> grouped.computeIfAbsent(row.month(), m -> new ArrayList<>()).add(row));
    List<Month> months = new ArrayList<>();
    grouped.forEach((month, monthRows) -> {
      long correct = monthRows.stream().filter(r -> r.label().equals(r.truth())).count();
      months.add(new Month(month, reference, monthRows.stream().map(r -> sample(r, min, max))
          .toList(), (double) correct / monthRows.size()));
    });
    return months;
  }

  private static Sample sample(Row row, double[] min, double[] max) {
    Sample.Builder builder = Sample.builder();
    double[] scaled = new double[INPUTS.size()];
    for (int i = 0; i < scaled.length; i++) {
      builder.number(INPUTS.get(i), row.inputs()[i]);
      scaled[i] = (row.inputs()[i] - min[i]) / (max[i] - min[i]);
    }
    return builder.number(SCORE, row.score()).category(LABEL, row.label())
        .embedding(VECTOR, scaled).build();
  }

  private static List<Row> rows(Path file, Map<String, String> truth) {
    Csv csv = csv(file);
    int[] inputs = INPUTS.stream().mapToInt(csv::column).toArray();
    int id = csv.column("id");
    int time = csv.column("timestamp");
    int score = csv.column(SCORE);
    int label = csv.column(LABEL);
    int target = truth == null ? csv.column("clf_target") : -1;
    List<Row> rows = new ArrayList<>();
    for (String[] cells : csv.rows()) {
      double[] values = Arrays.stream(inputs).mapToDouble(i -> Double.parseDouble(cells[i]))
          .toArray();
      String actual = truth == null ? cells[target] : truth.get(cells[id]);
      rows.add(new Row(cells[time].substring(0, 7), values, Double.parseDouble(cells[score]),
          cells[label], actual));
    }
    return rows;
  }

  private record Csv(List<String> header, List<String[]> rows) {
    int column(String name) {
      int index = header.indexOf(name);
      if (index < 0) {
        throw new IllegalStateException("column " + name + " missing");
      }
      return index;
    }
  }

  private static Csv csv(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return new Csv(List.of(lines.getFirst().split(",")), lines.subList(1, lines.size())
          .stream().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
