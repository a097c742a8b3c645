package io.github.weeklyarchive.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date a report is about in a line of text (its title) or a file name.
 * Written dates come in many shapes in real reports; all of them are read after NFKC
 * normalisation, so full-width digits ({@code ２０２３年２月２４日}) count as digits.
 */
public final class DateFinder {

    // Quantifiers over spaces are possessive (\\s*+) and the text between a year and its bracket is bounded:
    // a title is author's text, and a run of 50,000 spaces must not make a backtracking search quadratic.
    private static final Pattern NUMERIC = Pattern.compile("(?<!\\d)(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("(?<!\\d)(20\\d{2}|19\\d{2})(\\d{2})(\\d{2})(?!\\d)");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*+年\\s*+(\\d{1,2})\\s*+月\\s*+(\\d{1,2})\\s*+[日号]?");
    /** {@code 2025 年 9 月汇总}: a monthly summary names only its month; like a week range, it is dated on its last day. */
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})\\s*+年\\s*+(\\d{1,2})\\s*+月(?!\\s*+\\d)");
    /**
     * {@code 2023年第12周（3.13-3.17）}: a year, then (at most 60 characters on) a day range in brackets; the report is
     * dated on its last day.
     */
    private static final Pattern YEAR_AND_RANGE = Pattern.compile(
            "(\\d{4})\\s*+年[^（(]{0,60}+[（(]\\s*+(\\d{1,2})\\s*+[./月]\\s*+(\\d{1,2})\\s*+日?\\s*+[-–—~～至到]\\s*+"
                    + "(?:(\\d{1,2})\\s*+[./月]\\s*+)?(\\d{1,2})\\s*+日?\\s*+[)）]");

    private DateFinder() {
    }

    /** The result of looking: a date, or the date-like text that turned out not to be a real date. */
    public record Found(Optional<LocalDate> date, Optional<String> invalid) {
        static Found none() {
            return new Found(Optional.empty(), Optional.empty());
        }
    }

    /**
     * The date written in {@code text}. When several dates are written (a range such as
     * {@code 2023-03-13 ~ 2023-03-17}), the last one wins: a weekly report is dated by the end of its week.
     */
    public static Found inText(String text) {
        String normal = NormalForm.compatible(text);
        List<Candidate> candidates = new ArrayList<>();
        Matcher range = YEAR_AND_RANGE.matcher(normal);
        while (range.find()) {
            int year = Integer.parseInt(range.group(1));
            int startMonth = Integer.parseInt(range.group(2));
            int endMonth = range.group(4) == null ? startMonth : Integer.parseInt(range.group(4));
            int endYear = endMonth < startMonth ? year + 1 : year; // a week running over New Year
            candidates.add(new Candidate(range.end(), range.group(), endYear, endMonth, Integer.parseInt(range.group(5))));
        }
        if (candidates.isEmpty()) {
            collect(NUMERIC.matcher(normal), 1, 3, 4, candidates);
            collect(CHINESE.matcher(normal), 1, 2, 3, candidates);
        }
        if (candidates.isEmpty()) {
            Matcher month = YEAR_MONTH.matcher(normal);
            while (month.find()) {
                int year = Integer.parseInt(month.group(1));
                int monthOfYear = Integer.parseInt(month.group(2));
                int lastDay = monthOfYear >= 1 && monthOfYear <= 12 ? java.time.YearMonth.of(year, monthOfYear).lengthOfMonth() : 1;
                candidates.add(new Candidate(month.end(), month.group(), year, monthOfYear, lastDay));
            }
        }
        return pickLast(candidates);
    }

    /** The date in a file name such as {@code 2023-02-24-week09.md}, {@code 2023_02_24.md} or {@code 20230224.md}. */
    public static Found inFileName(String fileName) {
        String normal = NormalForm.compatible(fileName).replace('_', '-');
        List<Candidate> candidates = new ArrayList<>();
        collect(NUMERIC.matcher(normal), 1, 3, 4, candidates);
        collect(CHINESE.matcher(normal), 1, 2, 3, candidates);
        if (candidates.isEmpty()) {
            collect(COMPACT.matcher(normal), 1, 2, 3, candidates);
        }
        return pickLast(candidates);
    }

    private record Candidate(int end, String written, int year, int month, int day) {
    }

    private static void collect(Matcher m, int year, int month, int day, List<Candidate> into) {
        while (m.find()) {
            into.add(new Candidate(m.end(), m.group().trim(), Integer.parseInt(m.group(year)),
                    Integer.parseInt(m.group(month)), Integer.parseInt(m.group(day))));
        }
    }

    private static Found pickLast(List<Candidate> candidates) {
        candidates.sort((a, b) -> Integer.compare(b.end(), a.end()));
        Optional<String> invalid = Optional.empty();
        for (Candidate c : candidates) {
            try {
                return new Found(Optional.of(LocalDate.of(c.year(), c.month(), c.day())), Optional.empty());
            } catch (DateTimeException e) {
                invalid = invalid.or(() -> Optional.of(c.written()));
            }
        }
        return invalid.isPresent() ? new Found(Optional.empty(), invalid) : Found.none();
    }
}
