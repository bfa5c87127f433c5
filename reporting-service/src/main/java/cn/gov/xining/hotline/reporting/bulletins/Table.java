package cn.gov.xining.hotline.reporting.bulletins;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One of a report's tables, as the workbook (a sheet each) and the printable page both lay it out.
 * A cell is a count ({@link Long}), a {@link Rate}, a date, a text, or null for an empty cell.
 */
record Table(String title, List<String> headers, List<List<Object>> rows) {

  /** What a rate the reports leave out (null: too few cases) shows instead of a number. */
  static final String NO_RATE = "—";

  static final String NO_RATE_NOTE = "注：“—”表示案件数过少（分母为零或少于最低案件数），不计算比率。";

  /** A rate in percent with two decimals, as the reports give it; null when there is none. */
  record Rate(BigDecimal percent) {}

  /** A row that may hold empty (null) cells, which {@code List.of} refuses. */
  static List<Object> row(Object... cells) {
    return Collections.unmodifiableList(Arrays.asList(cells));
  }

  /** Whether a rate is left out, so that the table needs the note that explains "—". */
  boolean leavesOutARate() {
    return rows.stream()
        .flatMap(List::stream)
        .anyMatch(cell -> cell instanceof Rate rate && rate.percent() == null);
  }
}
