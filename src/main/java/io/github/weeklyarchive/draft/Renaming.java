package io.github.weeklyarchive.draft;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changes from one week's report to the next in its title, headers and file name: its date, written as
 * the author wrote it ({@code 2023-02-24}, {@code 2023/02/24}, {@code 2023 年 6 月 1 日}), and its number
 * ({@code 第09周} to {@code 第10周}, {@code 第 300 期} to {@code 第 301 期}, {@code Rust 665} to {@code Rust 666}).
 *
 * @param from     the latest report's date
 * @param to       the new report's date
 * @param label    the latest report's label as written ({@code 第09周}, {@code 665}), if it has one
 * @param newLabel the label continued ({@code 第10周}, {@code 666})
 */
record Renaming(LocalDate from, LocalDate to, Optional<String> label, Optional<String> newLabel) {

    private static final Pattern NUMERIC = Pattern.compile("(?<!\\d)(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})(\\s*+)年(\\s*+)(\\d{1,2})(\\s*+)月(\\s*+)(\\d{1,2})");
    /** {@code 2025 年 5 月汇总}: a monthly issue names only its month. */
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})(\\s*+)年(\\s*+)(\\d{1,2})(\\s*+)月(?!\\s*+\\d)");
    private static final Pattern COMPACT = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** {@code Update for March 2021}: a year in a title is not the number. */
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    /** A label as authors number weeks: {@code 第09周}, {@code 第 300 期}, {@code Week 9}, {@code #300}, {@code No. 300}, {@code issue-407}. */
    private static final Pattern LABEL = Pattern.compile("第\\s*\\d+\\s*[周期]|(?i:week|issue|no\\.?|#)[\\s-]*\\d+");

    /**
     * The renaming from a report to the next: the label is the one the parser read ({@code 第09周}), else a numbered
     * label in the title, else the title's last number that is neither part of its date nor a year ({@code This Week in Rust 665}).
     */
    static Renaming of(String title, Optional<String> weekLabel, LocalDate from, LocalDate to) {
        Renaming datesOnly = new Renaming(from, to, Optional.empty(), Optional.empty());
        String undated = datesOnly.datesMasked(title);
        Optional<String> label = weekLabel.filter(l -> l.chars().anyMatch(Character::isDigit) && title.contains(l))
                .or(() -> find(LABEL, undated))
                .or(() -> NUMBER.matcher(undated).results().map(java.util.regex.MatchResult::group)
                        .filter(n -> !YEAR.matcher(n).matches()).reduce((a, b) -> b));
        return new Renaming(from, to, label, label.map(Renaming::next));
    }

    /** This renaming with the new label of {@code numbering}: a template week's label becomes the number after the latest. */
    Renaming continuing(Renaming numbering) {
        boolean both = label.isPresent() && numbering.newLabel().isPresent();
        return new Renaming(from, to, both ? label : Optional.empty(), both ? numbering.newLabel() : Optional.empty());
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** {@code 第09周} → {@code 第10周}: the label's last number plus one, as wide as it was written when zero-padded. */
    static String next(String label) {
        Matcher m = NUMBER.matcher(label);
        int start = -1;
        int end = -1;
        while (m.find()) {
            start = m.start();
            end = m.end();
        }
        String digits = label.substring(start, end);
        String next = new java.math.BigInteger(digits).add(java.math.BigInteger.ONE).toString();
        if (digits.startsWith("0") && next.length() < digits.length()) {
            next = "0".repeat(digits.length() - next.length()) + next;
        }
        return label.substring(0, start) + next + label.substring(end);
    }

    /** A title, heading or header line with the old date and label replaced. */
    String apply(String line) {
        String renamed = replaceDates(line);
        return label.isPresent() && !label.get().chars().allMatch(Character::isDigit)
                ? renamed.replace(label.get(), newLabel.orElseThrow())
                : replaceNumber(renamed);
    }

    /** {@code 2023-02-24-week09.md} → {@code 2023-03-03-week10.md}: the date, and the label's number where it stands alone. */
    String applyToFileName(String name) {
        String renamed = replaceDates(name);
        if (label.isEmpty()) {
            return renamed;
        }
        String number = lastNumber(label.get());
        return Pattern.compile("(?<!\\d)" + number + "(?!\\d)").matcher(renamed).replaceAll(lastNumber(newLabel.orElseThrow()));
    }

    private static String lastNumber(String label) {
        return NUMBER.matcher(label).results().reduce((a, b) -> b).map(java.util.regex.MatchResult::group).orElse("");
    }

    /** A bare number label ({@code 665}) is replaced only where it stands alone, never inside another number. */
    private String replaceNumber(String line) {
        if (label.isEmpty()) {
            return line;
        }
        return Pattern.compile("(?<!\\d)" + label.get() + "(?!\\d)").matcher(line).replaceAll(Matcher.quoteReplacement(newLabel.orElseThrow()));
    }

    private String replaceDates(String line) {
        String result = replace(NUMERIC, line, m -> date(m.group(1), m.group(3), m.group(4)),
                m -> to.getYear() + m.group(2) + pad(to.getMonthValue(), m.group(3)) + m.group(2) + pad(to.getDayOfMonth(), m.group(4)));
        result = replace(CHINESE, result, m -> date(m.group(1), m.group(4), m.group(7)),
                m -> to.getYear() + m.group(2) + "年" + m.group(3) + pad(to.getMonthValue(), m.group(4)) + m.group(5) + "月" + m.group(6)
                        + pad(to.getDayOfMonth(), m.group(7)));
        result = replaceMonth(result);
        return replace(COMPACT, result, m -> date(m.group(1), m.group(2), m.group(3)),
                m -> String.format("%04d%02d%02d", to.getYear(), to.getMonthValue(), to.getDayOfMonth()));
    }

    /** The latest report's month, named without a day, becomes the new date's month. */
    private String replaceMonth(String line) {
        Matcher m = YEAR_MONTH.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean same = Integer.parseInt(m.group(1)) == from.getYear() && Integer.parseInt(m.group(4)) == from.getMonthValue();
            m.appendReplacement(out, Matcher.quoteReplacement(same ? to.getYear() + m.group(2) + "年" + m.group(3)
                    + pad(to.getMonthValue(), m.group(4)) + m.group(5) + "月" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The line with each date it holds replaced by spaces, so no number of a date is taken for a label. */
    private String datesMasked(String line) {
        String result = replace(NUMERIC, line, m -> Optional.of(from), m -> " ".repeat(m.group().length()));
        result = replace(CHINESE, result, m -> Optional.of(from), m -> " ".repeat(m.group().length()));
        result = replace(YEAR_MONTH, result, m -> Optional.of(from), m -> " ".repeat(m.group().length()));
        return replace(COMPACT, result, m -> date(m.group(1), m.group(2), m.group(3)), m -> " ".repeat(m.group().length()));
    }

    private String replace(Pattern pattern, String line, java.util.function.Function<Matcher, Optional<LocalDate>> read,
                           java.util.function.Function<Matcher, String> write) {
        Matcher m = pattern.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(read.apply(m).filter(from::equals).isPresent() ? write.apply(m) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code 3} as {@code 03} when the author wrote {@code 02}, as {@code 3} when they wrote {@code 2}. */
    private static String pad(int value, String asWritten) {
        return asWritten.length() == 2 ? String.format("%02d", value) : String.valueOf(value);
    }
}
