package dev.lamplighter.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row, a rule, then the rows, columns padded to their widest cell; the
 * first {@code leftColumns} columns are aligned left, the others right.
 */
final class TextTable {
  private static final String GAP = "  ";

  private final List<String> header;
  private final int leftColumns;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(int leftColumns, String... header) {
    this.header = List.of(header);
    this.leftColumns = leftColumns;
  }

  TextTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + header.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  List<String> lines() {
    int[] widths = new int[header.size()];
    for (List<String> row : allRows()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(render(header, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : GAP).append("-".repeat(widths[i]));
    }
    lines.add(rule.toString());
    rows.forEach(row -> lines.add(render(row, widths)));
    return lines;
  }

  private List<List<String>> allRows() {
    List<List<String>> all = new ArrayList<>(rows);
    all.add(header);
    return all;
  }

  private String render(List<String> row, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String cell = row.get(i);
      String padding = " ".repeat(widths[i] - cell.length());
      out.append(i == 0 ? "" : GAP);
      out.append(i < leftColumns ? cell + padding : padding + cell);
    }
    return out.toString().stripTrailing();
  }
}
