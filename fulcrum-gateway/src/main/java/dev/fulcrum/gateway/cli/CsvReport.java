package dev.fulcrum.gateway.cli;

import java.io.PrintWriter;

/**
 * The findings as CSV (RFC 4180, CRLF line ends), one row per finding as it is found:
 * {@code line,field,type,start,end,score,value}; {@code field} is empty for text input. The
 * summary goes to stderr, so stdout holds nothing but the CSV.
 */
final class CsvReport implements ScanReport {
  private static final String END = "\r\n";

  private final Settings settings;
  private final PrintWriter out;
  private final PrintWriter err;

  CsvReport(Settings settings, PrintWriter out, PrintWriter err) {
    this.settings = settings;
    this.out = out;
    this.err = err;
    out.print("line,field,type,start,end,score,value" + END);
  }

  @Override
  public void add(Finding f) {
    out.print(f.line() + "," + quoted(f.field()) + "," + f.entity().type() + ","
        + f.entity().start() + "," + f.entity().end() + "," + f.score()
        + "," + quoted(settings.values().render(f.value())) + END);
  }

  @Override
  public void end(ScanSummary summary) {
    out.flush();
    err.print(summary.text(settings.source()));
    err.flush();
  }

  /** The cell as is, or in double quotes (inner quotes doubled) when it needs them. */
  static String quoted(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
      }
    }
    return cell;
  }
}
