package io.github.weeklyarchive.report;

import java.util.List;
import java.util.Optional;

/**
 * What parsing one file gave: the report, unless an error made that impossible, and every problem found.
 */
public record ParsedReport(Optional<Report> report, List<Problem> problems) {

    public ParsedReport {
        problems = List.copyOf(problems);
    }

    static ParsedReport failed(List<Problem> problems) {
        return new ParsedReport(Optional.empty(), problems);
    }
}
