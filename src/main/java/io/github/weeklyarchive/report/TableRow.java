package io.github.weeklyarchive.report;

import java.util.List;

/**
 * A body row of a Markdown table with its table's header, for metric tables such as
 * {@code | 指标 | 上周 | 本周 |}.
 */
public record TableRow(int line, List<String> header, List<String> cells, List<String> section) {

    public TableRow {
        header = List.copyOf(header);
        cells = List.copyOf(cells);
        section = List.copyOf(section);
    }
}
