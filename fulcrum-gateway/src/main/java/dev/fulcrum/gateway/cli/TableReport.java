package dev.fulcrum.gateway.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The findings as an aligned table (FIELD only for JSON Lines), printed when the input ends
 * since every row decides the column widths, then the summary.
 */
final class TableReport implements ScanReport {
  /** Shown values longer than this are cut, so one long secret does not widen every row. */
  static final int VALUE_WIDTH = 60;

  private final Settings settings;
  private final PrintWriter out;
  private final boolean fields;
  private final Table table;

  TableReport(Settings settings, PrintWriter out) {
    this.settings = settings;
    this.out = out;
    this.fields = settings.input() == InputFormat.JSONL;
    this.table = fields ? new Table("LINE", "FIELD", "TYPE", "START", "END", "SCORE", "VALUE")
        : new Table("LINE", "TYPE", "START", "END", "SCORE", "VALUE");
  }

  @Override
  public void add(Finding f) {
    String score = String.format(Locale.ROOT, "%.2f", f.entity().score());
    String value = ValueDisplay.oneLine(settings.values().render(f.value()), VALUE_WIDTH);
    if (fields) {
      table.row(f.line(), ValueDisplay.oneLine(f.field(), VALUE_WIDTH), f.entity().type(),
          f.entity().start(), f.entity().end(), score, value);
    } else {
      table.row(f.line(), f.entity().type(), f.entity().start(), f.entity().end(), score, value);
    }
  }

  @Override
  public void end(ScanSummary summary) {
    if (!table.isEmpty()) {
      out.print(table.render());
      out.println();
    }
    out.print(summary.text(settings.source()));
    out.flush();
  }
}
