package dev.fulcrum.controlplane.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs the drift detector over the California months the way production would: the reference
 * period is the reference window, thresholds are calibrated on its monthly chunks (mean + 3 sd),
 * and each month is judged as a current window. Also runs two checks of the method: fixed
 * textbook thresholds, and leave-one-month-out for the reference months (each held-out month
 * judged against a reference and thresholds built from the other seven).
 */
final class CaliforniaValidation {
  static final double SIGMAS = 3;

  /** One month's verdict; {@code leaveOneOut} is null for analysis months or when not run. */
  record Verdict(CaliforniaHousing.Month month, DriftReport calibrated, DriftReport fixed,
      DriftReport leaveOneOut) {
    boolean flagged() {
      return calibrated.drifted();
    }

    String flaggedTests() {
      return calibrated.driftedResults().stream().map(r -> r.feature() + " " + r.test())
          .collect(Collectors.joining(", "));
    }
  }

  /** The whole run. */
  record Result(List<Verdict> verdicts, DriftThresholds thresholds, Reference reference) {}

  private CaliforniaValidation() {}

  /**
   * @param leaveOneOut also judge each reference month against the other seven (slower)
   */
  static Result run(List<CaliforniaHousing.Month> months, boolean leaveOneOut) {
    List<CaliforniaHousing.Month> referenceMonths = months.stream()
        .filter(CaliforniaHousing.Month::reference).toList();
    Reference reference = referenceOf(referenceMonths);
    DriftThresholds thresholds = DriftThresholds.calibrate(reference,
        referenceMonths.stream().map(CaliforniaHousing.Month::samples).toList(), SIGMAS,
        DriftThresholds.defaults());
    DriftDetector calibrated = DriftDetector.of(reference, thresholds);
    DriftDetector fixed = DriftDetector.of(reference, DriftThresholds.defaults());
    List<Verdict> verdicts = new ArrayList<>();
    for (CaliforniaHousing.Month month : months) {
      Instant at = Instant.parse(month.month() + "-01T00:00:00Z");
      DriftReport heldOut = leaveOneOut && month.reference()
          ? leaveOneOut(referenceMonths, month, at) : null;
      verdicts.add(new Verdict(month, calibrated.compare("california", at, month.samples()),
          fixed.compare("california", at, month.samples()), heldOut));
    }
    return new Result(verdicts, thresholds, reference);
  }

  private static DriftReport leaveOneOut(List<CaliforniaHousing.Month> referenceMonths,
      CaliforniaHousing.Month heldOut, Instant at) {
    List<CaliforniaHousing.Month> others = referenceMonths.stream()
        .filter(m -> m != heldOut).toList();
    Reference reference = referenceOf(others);
    DriftThresholds thresholds = DriftThresholds.calibrate(reference,
        others.stream().map(CaliforniaHousing.Month::samples).toList(), SIGMAS,
        DriftThresholds.defaults());
    return DriftDetector.of(reference, thresholds).compare("california", at, heldOut.samples());
  }

  private static Reference referenceOf(List<CaliforniaHousing.Month> months) {
    return Reference.of(CaliforniaHousing.features(), months.stream()
        .flatMap(m -> m.samples().stream()).toList());
  }

  /** The results as the Markdown of bench/results/drift.md (after its hand-written header). */
  static String markdown(Result result) {
    StringBuilder out = new StringBuilder();
    out.append("## Verdict per month\n\n");
    out.append("| month | period | rows | accuracy | flagged (calibrated, 3 sd) | tests that "
        + "flag | fixed textbook thresholds: tests flagging | leave-one-month-out |\n");
    out.append("|---|---|---:|---:|---|---|---:|---|\n");
    for (Verdict v : result.verdicts()) {
      out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %s | %s | %d of %d | %s |%n",
          v.month().month(), v.month().reference() ? "reference" : "analysis",
          v.month().samples().size(), v.month().accuracy(), v.flagged() ? "**DRIFT**" : "quiet",
          v.flaggedTests().isEmpty() ? "-" : v.flaggedTests(),
          v.fixed().driftedResults().size(), v.fixed().results().size(),
          v.leaveOneOut() == null ? "n/a" : v.leaveOneOut().drifted()
              ? "DRIFT (" + v.leaveOneOut().driftedResults().stream().map(r -> r.feature() + " "
                  + r.test()).collect(Collectors.joining(", ")) + ")" : "quiet"));
    }
    for (DriftTest test : DriftTest.values()) {
      out.append("\n## ").append(title(test)).append(" per month and feature\n\n");
      out.append("A `*` marks a value above its calibrated threshold.\n\n");
      List<FeatureResult> columns = result.verdicts().getFirst().calibrated().results().stream()
          .filter(r -> r.test() == test).toList();
      out.append("| month | ").append(columns.stream().map(FeatureResult::feature)
          .collect(Collectors.joining(" | "))).append(" |\n");
      out.append("|---|").append("---:|".repeat(columns.size())).append("\n");
      out.append("| *threshold* | ").append(columns.stream().map(r -> String.format(Locale.ROOT,
          "*%.3f*", r.threshold())).collect(Collectors.joining(" | "))).append(" |\n");
      for (Verdict v : result.verdicts()) {
        out.append("| ").append(v.month().month()).append(" | ").append(v.calibrated()
            .results().stream().filter(r -> r.test() == test).map(CaliforniaValidation::cell)
            .collect(Collectors.joining(" | "))).append(" |\n");
      }
    }
    return out.toString();
  }

  private static String cell(FeatureResult r) {
    String value = r.test() == DriftTest.EMBEDDING
        ? String.format(Locale.ROOT, "%.4f (p=%.3f)", r.statistic(), r.pValue())
        : String.format(Locale.ROOT, "%.3f", r.statistic());
    return value + (r.drifted() ? "*" : "");
  }

  private static String title(DriftTest test) {
    return switch (test) {
      case PSI -> "PSI (reference deciles; categories for y_pred)";
      case KS -> "Kolmogorov-Smirnov D";
      case EMBEDDING -> "Embedding centroid cosine distance (permutation p-value)";
    };
  }

  /** Prints the tables; {@code bench/drift/run.sh} calls this. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    Result result = run(CaliforniaHousing.months(CaliforniaHousing.directory()), true);
    System.out.print(markdown(result));
    System.err.printf(Locale.ROOT, "validated %d months in %.1f s%n", result.verdicts().size(),
        (System.nanoTime() - start) / 1e9);
  }
}
