package io.github.weeklyarchive.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeriesRulesTest {

    /** Values in weekly reports: report index i is dated 2023-01-06 plus i weeks. */
    private static List<SeriesRules.Value> weekly(int[] reports, double... values) {
        List<SeriesRules.Value> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(new SeriesRules.Value(reports[i], LocalDate.of(2023, 1, 6).plusWeeks(reports[i]), values[i]));
        }
        return list;
    }

    @Test
    void aSeriesNeedsReportsInARow() {
        assertEquals(1, SeriesRules.longestRun(weekly(new int[] {0, 2, 4}, 1, 2, 3)));
        assertEquals(3, SeriesRules.longestRun(weekly(new int[] {0, 5, 6, 7, 9}, 1, 2, 3, 4, 5)));
        assertEquals(Optional.of("not stated in 2 reports in a row"), SeriesRules.rejection(weekly(new int[] {0, 2}, 5, 6), "次", 2));
        assertEquals(Optional.empty(), SeriesRules.rejection(weekly(new int[] {0, 1}, 5, 6), "次", 2));
    }

    @Test
    void aYearRisingByOneIsNotASeries() {
        assertTrue(SeriesRules.areYears(weekly(new int[] {0, 1, 2}, 2013, 2014, 2015), ""));
        assertFalse(SeriesRules.areYears(weekly(new int[] {0, 1, 2}, 2013, 2014, 2015), "单"));
    }

    @Test
    void anIssueNumberRisingByOneAReportOrAWeekIsNotASeries() {
        assertTrue(SeriesRules.isCounter(weekly(new int[] {0, 1, 2, 3}, 571, 572, 573, 574), ""));
        assertTrue(SeriesRules.isCounter(weekly(new int[] {0, 1, 3, 4}, 571, 572, 574, 575), ""), "a missing week skips one number");
        assertTrue(SeriesRules.isCounter(weekly(new int[] {0, 1}, 664, 665), ""));
        assertFalse(SeriesRules.isCounter(weekly(new int[] {0, 1}, 7, 8), "次"), "two counts can grow by one");
        assertFalse(SeriesRules.isCounter(weekly(new int[] {0, 1, 2, 3}, 7, 9, 4, 5), ""));
        assertFalse(SeriesRules.isCounter(weekly(new int[] {0, 1, 2, 3}, 30, 31, 32, 33), "%"), "progress may rise by one a week");
    }

    @Test
    void versionNumbersAreNotASeriesButARecurringRateIs() {
        assertTrue(SeriesRules.areVersions(weekly(new int[] {0, 1, 2}, 1.76, 1.77, 1.77), ""));
        assertFalse(SeriesRules.areVersions(weekly(new int[] {0, 1, 2}, 99.98, 99.95, 99.97), "%"));
        assertFalse(SeriesRules.areVersions(weekly(new int[] {0, 1, 2}, 0.93, 0.94, 0.95), ""), "a score below one");
        assertEquals(Optional.empty(), SeriesRules.rejection(weekly(new int[] {0, 1, 2}, 99.98, 99.95, 99.97), "%", 2));
    }
}
