package dev.fulcrum.gateway.cli;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * How {@code pii scan} prints: findings as they are found, the summary at the end. Results go to
 * stdout; what a person reads besides results (the CSV summary) goes to stderr.
 */
sealed interface ScanReport permits TableReport, JsonReport, CsvReport {
  void add(Finding finding);

  void end(ScanSummary summary);

  /**
   * What every report needs to know.
   *
   * @param source the input's name, as given ({@code -} for stdin)
   * @param input how the input is read; text findings have no field
   * @param values how found values are printed
   */
  record Settings(String source, InputFormat input, ValueDisplay values) {
    public Settings {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(values, "values");
    }
  }

  static ScanReport create(OutputFormat format, Settings settings, PrintWriter out,
      PrintWriter err) {
    return switch (format) {
      case TABLE -> new TableReport(settings, out);
      case JSON -> new JsonReport(settings, out);
      case CSV -> new CsvReport(settings, out, err);
    };
  }
}
