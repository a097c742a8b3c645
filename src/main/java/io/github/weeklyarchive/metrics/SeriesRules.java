package io.github.weeklyarchive.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * When values found automatically under one label make a series worth charting: the label recurs as a
 * value in reports that follow each other, with one unit (the caller keys series by label and unit), on a
 * plausible scale. Years rising by one, issue numbers rising by one a report, and version numbers are not
 * measurements, however regularly they recur. A metric defined in {@code metrics.yaml} is always a series.
 */
final class SeriesRules {

    /** The share of steps that must rise by exactly one a report for the values to be a count of issues. */
    static final double COUNTER_SHARE = 0.8;

    private SeriesRules() {
    }

    /** One value: the index of its report in the archive, the report's date and the number. */
    record Value(int report, LocalDate date, double value) {
    }

    /** Why values are not a series, or empty when they are one. */
    static java.util.Optional<String> rejection(List<Value> values, String unit, int minimumRun) {
        if (longestRun(values) < minimumRun) {
            return java.util.Optional.of("not stated in " + minimumRun + " reports in a row");
        }
        if (areYears(values, unit)) {
            return java.util.Optional.of("years, not a measurement");
        }
        if (isCounter(values, unit)) {
            return java.util.Optional.of("rises by one a report: an issue or sequence number");
        }
        if (areVersions(values, unit)) {
            return java.util.Optional.of("version numbers");
        }
        return java.util.Optional.empty();
    }

    /** The most reports in a row (no report between them) that state the value. */
    static int longestRun(List<Value> values) {
        int best = values.isEmpty() ? 0 : 1;
        int run = 1;
        for (int i = 1; i < values.size(); i++) {
            int step = values.get(i).report() - values.get(i - 1).report();
            if (step == 1) {
                run++;
                best = Math.max(best, run);
            } else if (step != 0) {
                run = 1;
            }
        }
        return best;
    }

    static boolean areYears(List<Value> values, String unit) {
        return (unit.isEmpty() || unit.equals("年")) && values.stream().allMatch(v -> isWhole(v.value()) && v.value() >= 1900 && v.value() <= 2100);
    }

    /**
     * Issue numbers and the like: unitless whole numbers that rise by one a report (or one a week) at almost every
     * step. A count with a unit ({@code 3个}, {@code 31%}) may well grow by one a week, so it is never taken for one;
     * two unitless values only when they are large.
     */
    static boolean isCounter(List<Value> values, String unit) {
        if (!unit.isEmpty() || values.size() < 2 || !values.stream().allMatch(v -> isWhole(v.value()))) {
            return false;
        }
        int steps = values.size() - 1;
        int byOne = 0;
        for (int i = 1; i < values.size(); i++) {
            Value before = values.get(i - 1);
            Value after = values.get(i);
            double rise = after.value() - before.value();
            long weeks = Math.round(ChronoUnit.DAYS.between(before.date(), after.date()) / 7.0);
            if (rise > 0 && (rise == after.report() - before.report() || rise == weeks)) {
                byOne++;
            }
        }
        if (values.size() == 2) {
            return byOne == 1 && values.get(0).value() >= 100;
        }
        return byOne >= COUNTER_SHARE * steps;
    }

    /** {@code 1.76, 1.77, 1.78}: unitless fractions above one that never fall and rise in small steps. */
    static boolean areVersions(List<Value> values, String unit) {
        if (!unit.isEmpty() || values.size() < 2 || values.stream().anyMatch(v -> isWhole(v.value()) || v.value() < 1)) {
            return false;
        }
        boolean rose = false;
        for (int i = 1; i < values.size(); i++) {
            double step = Math.round((values.get(i).value() - values.get(i - 1).value()) * 1000) / 1000.0;
            if (step < 0 || step > 0.5) {
                return false;
            }
            rose |= step > 0;
        }
        return rose;
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value);
    }
}
