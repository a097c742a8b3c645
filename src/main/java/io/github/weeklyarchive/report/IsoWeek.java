package io.github.weeklyarchive.report;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The ISO-8601 week of a date, used only when a report carries no week label of its own. */
public record IsoWeek(int year, int week) {

    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** {@code 2023-W08}: the standard notation, so nobody mistakes it for the author's own numbering. */
    public String label() {
        return String.format("%04d-W%02d", year, week);
    }
}
