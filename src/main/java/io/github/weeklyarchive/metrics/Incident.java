package io.github.weeklyarchive.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A production incident as a report lists it: when, what happened, how it was handled, and why.
 *
 * @param date     the day it happened (the report's year, or the year before for a December
 *                 incident in a January report)
 * @param time     the time of day as written ({@code 19:29}), if given
 * @param summary  what happened
 * @param handling the {@code 处置} line(s)
 * @param cause    the {@code 原因} line(s)
 * @param impact   counts stated as its impact ({@code 266笔})
 * @param grade    the grade if stated ({@code A级}…{@code D级})
 */
public record Incident(LocalDate date, Optional<String> time, String summary, String handling, String cause,
                       List<String> impact, Optional<String> grade, String source, int line) {

    public Incident {
        impact = List.copyOf(impact);
    }

    public String location() {
        return source + ":" + line;
    }
}
