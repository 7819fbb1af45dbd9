package dev.fulcrum.gateway.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header and rows, each column as wide as its widest cell. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    rows.add(header.clone());
  }

  Table row(Object... cells) {
    if (cells.length != rows.getFirst().length) {
      throw new IllegalArgumentException("a row needs " + rows.getFirst().length + " cells");
    }
    String[] text = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      text[i] = cells[i] == null || cells[i].toString().isEmpty() ? "-" : cells[i].toString();
    }
    rows.add(text);
    return this;
  }

  boolean isEmpty() {
    return rows.size() == 1;
  }

  /** The table, one line per row, trailing spaces trimmed. */
  String render() {
    int[] widths = new int[rows.getFirst().length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        line.append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 2));
      }
      out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
    return out.toString();
  }
}
