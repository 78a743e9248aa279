package com.sparkify.warehouse.cli;

import java.util.List;

/** Renders rows of cells as a table with a rule under the header. */
final class TextTable {

  private TextTable() {}

  /** The first row is the header; numbers are right-aligned. */
  static String render(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    var out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      for (int i = 0; i < columns; i++) {
        String cell = row.get(i);
        boolean number = r > 0 && cell.matches("-?[0-9][0-9.,]*");
        String padded =
            number
                ? " ".repeat(widths[i] - cell.length()) + cell
                : cell + " ".repeat(widths[i] - cell.length());
        out.append(i == 0 ? "" : " | ").append(padded);
      }
      out.append('\n');
      if (r == 0) {
        for (int i = 0; i < columns; i++) {
          out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.append('\n');
      }
    }
    return out.toString().replaceAll(" +\n", "\n");
  }
}
