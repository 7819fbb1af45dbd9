package dev.fulcrum.controlplane.drift;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned first column and right-aligned others. */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();

  public TextTable(String... header) {
    rows.add(header.clone());
  }

  public TextTable row(String... cells) {
    if (cells.length != rows.getFirst().length) {
      throw new IllegalArgumentException("a row needs " + rows.getFirst().length + " cells");
    }
    rows.add(cells.clone());
    return this;
  }

  public String render() {
    int columns = rows.getFirst().length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        String cell = row[c];
        String pad = " ".repeat(widths[c] - cell.length());
        out.append(c == 0 ? cell + pad : pad + cell).append(c + 1 < columns ? "  " : "");
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }
}
