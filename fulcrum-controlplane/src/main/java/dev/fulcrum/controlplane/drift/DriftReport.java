package dev.fulcrum.controlplane.drift;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of one drift check: every test of every feature, with its statistic, threshold
 * and verdict. {@link #render()} prints it as a table (for {@code fulcrum drift report}).
 *
 * @param model the model whose traffic was judged
 * @param at when
 * @param referenceSamples the reference window's size
 * @param currentSamples the current window's size
 */
public record DriftReport(String model, Instant at, long referenceSamples, long currentSamples,
    List<FeatureResult> results) {
  public DriftReport {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(at, "at");
    results = List.copyOf(results);
  }

  /** Whether any test flags any feature. */
  public boolean drifted() {
    return results.stream().anyMatch(FeatureResult::drifted);
  }

  /** The flagged results only. */
  public List<FeatureResult> driftedResults() {
    return results.stream().filter(FeatureResult::drifted).toList();
  }

  /** A plain-text table, one row per test, headed by what was compared. */
  public String render() {
    TextTable table = new TextTable("feature", "test", "statistic", "threshold", "p-value",
        "samples", "drift");
    for (FeatureResult r : results) {
      table.row(r.feature(), r.test().name(), number(r.statistic()), number(r.threshold()),
          Double.isNaN(r.pValue()) ? "-" : String.format(Locale.ROOT, "%.2e", r.pValue()),
          Long.toString(r.currentSamples()), r.drifted() ? "DRIFT" : "");
    }
    return "drift report for " + model + " at " + at + " (reference " + referenceSamples
        + " samples, current " + currentSamples + "): " + (drifted() ? driftedResults().size()
        + " of " + results.size() + " tests flag drift" : "no drift") + System.lineSeparator()
        + table.render();
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}
