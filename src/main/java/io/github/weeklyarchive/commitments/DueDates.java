package io.github.weeklyarchive.commitments;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates a report's sentence gives, read as the author meant them on the day they wrote: {@code 2/28},
 * {@code 3月7日}, {@code 2023-03-07}, {@code 3月底}, {@code 4月中旬}, {@code 月底}, {@code 下月}, {@code 下周二},
 * {@code 下周}, {@code 本周五}, {@code 年底}. A date without a year is the one nearest the report's date
 * ({@code 1/5} written on 12/28 is next January). A vague date is the last day it allows: {@code 3月底} is 3/31,
 * {@code 下周} the Friday of next week (a work week's end), so nothing is overdue before the author could say.
 * Input is in compatible form ({@code NormalForm.compatible}): ASCII digits and punctuation.
 */
final class DueDates {

    private DueDates() {
    }

    /**
     * A date found in a text: where it is, as written, and the day it means.
     *
     * @param exact whether it names a day ({@code 2/28}, {@code 下周二}) rather than a stretch of time ({@code 3月底},
     *              {@code 下月}), which is only a due date when the sentence says it is planned
     */
    record Found(int start, int end, String written, LocalDate date, boolean exact) {
    }

    private static final String DAY = "[一二三四五六日天1-7]";
    private static final Pattern DATES = Pattern.compile(
            "(?<iso>(?<y>20\\d{2})\\s*[-/.年]\\s*(?<ym>\\d{1,2})\\s*[-/.月]\\s*(?<yd>\\d{1,2})[日号]?)"
            + "|(?<md>(?<![\\d./:])(?<m>\\d{1,2})\\s*(?:/|月)\\s*(?<d>\\d{1,2})(?:[日号]|(?![\\d/:%.]|[个年月周天]))(?![\\d/]))"
            + "|(?<ympart>(?<yy>20\\d{2})\\s*年\\s*(?:(?<ypm>\\d{1,2})\\s*月\\s*(?<yppart>底|末|初|上旬|中旬|下旬)?(?!\\d|份)|(?<yend>底|末)))"
            + "|(?<mpart>(?<![\\d.])(?<pm>\\d{1,2})\\s*月\\s*(?<part>底|末|初|上旬|中旬|下旬)?(?!\\d|个|份))"
            + "|(?<rel>(?<rw>下下周|下周|本周|这周)(?<wd>" + DAY + ")?|(?<rm>下个?月)(?<rpart>底|末|初|上旬|中旬|下旬)?|(?<tm>本月|这个月)(?<tpart>底|末|上旬|中旬|下旬)"
            + "|(?<![\\d上下个])(?<monthend>月底|月末)|(?<year>年底|年末))");

    /** Every date in {@code text}, in order, resolved against {@code written}, the report's date. */
    static List<Found> find(String text, LocalDate written) {
        return find(text, written, Optional.empty());
    }

    /**
     * As {@link #find(String, LocalDate)}, where {@code yearSaid} is a year the sentence wrote out before this text:
     * in {@code Git 从2005年4月3日开始开发，4月6日完成开发} the 4/6 is in 2005.
     */
    static List<Found> find(String text, LocalDate written, Optional<Integer> yearSaid) {
        List<Found> found = new ArrayList<>();
        if (!mayHoldADate(text)) {
            return found; // most clauses: the pattern of every form is not tried at each of their characters
        }
        Matcher m = matcher(text);
        LocalDate reference = yearSaid.map(year -> LocalDate.of(year, 6, 30)).orElse(written);
        for (int from = 0; next(m, text, from); from = m.end()) {
            boolean exact = m.group("iso") != null || m.group("md") != null || m.group("wd") != null;
            resolve(m, m.group("md") != null || m.group("mpart") != null ? reference : written)
                    .ifPresent(date -> found.add(new Found(m.start(), m.end(), m.group(), date, exact)));
        }
        return found;
    }

    /**
     * A day written as a date is, that the calendar does not have ({@code 2/30}, {@code 4月31日}, {@code 2/29} in a year
     * without one), with where it ends. Read by the same pattern as {@link #find}, so the two never disagree on what
     * counts as a date.
     */
    record NoDay(int end, String written) {
    }

    /**
     * The written days in {@code text} that are no day of the year the report means, or of a year written out before
     * them ({@code 2024年2月启动，2/29上线} is in 2024, as {@link #find} reads it); numbers that are no date at all (69/84) are not.
     */
    static List<NoDay> noDays(String text, LocalDate written) {
        List<NoDay> none = new ArrayList<>();
        if (!mayHoldADate(text)) {
            return none;
        }
        Matcher m = matcher(text);
        LocalDate reference = written;
        for (int from = 0; next(m, text, from); from = m.end()) {
            boolean iso = m.group("iso") != null;
            if (m.group("ympart") != null) {
                reference = LocalDate.of(Integer.parseInt(m.group("yy")), 6, 30); // as find's yearSaid
            }
            if (!iso && m.group("md") == null) {
                continue;
            }
            int month = Integer.parseInt(iso ? m.group("ym") : m.group("m"));
            int day = Integer.parseInt(iso ? m.group("yd") : m.group("d"));
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                continue; // not a date at all (69/84)
            }
            int year = iso ? Integer.parseInt(m.group("y")) : yearOf(month, reference);
            if (iso) {
                reference = LocalDate.of(year, 6, 30);
            }
            if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
                none.add(new NoDay(m.end(), m.group()));
            }
        }
        return none;
    }

    /** A matcher of every date form, whose look-behinds see the text before where {@link #next} tries it. */
    static Matcher matcher(String text) {
        return DATES.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /**
     * The next date at or after {@code from}, as {@code m.find()} would find it, tried only where one can start
     * ({@link #mayStartADate}). Find would try every form at every character of a clause, and most are Chinese text
     * that starts none.
     */
    static boolean next(Matcher m, String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (mayStartADate(text, i)) {
                m.region(i, text.length());
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a date form of {@link #DATES} can start at {@code i}, judged by the next few characters: a run of digits
     * ends (after spaces) in the {@code -/.年月} every numeric form goes on with, and the 下, 本, 这, 月 or 年 of a
     * relative date is followed by a character its forms go on with. Digits and 月 are common in Chinese prose, and
     * the pattern of every form costs far more to try than this.
     */
    private static boolean mayStartADate(String text, int i) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
            int j = i;
            while (j < text.length() && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                j++;
            }
            while (j < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(j)) >= 0) { // the pattern's \s
                j++;
            }
            return j < text.length() && "-/.年月".indexOf(text.charAt(j)) >= 0;
        }
        char after = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        return switch (c) {
            case '下' -> after == '下' || after == '周' || after == '个' || after == '月';
            case '本' -> after == '周' || after == '月';
            case '这' -> after == '周' || after == '个';
            case '月', '年' -> after == '底' || after == '末';
            default -> false;
        };
    }

    private static boolean mayHoldADate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c == '周' || c == '月' || c == '年') {
                return true;
            }
        }
        return false;
    }

    /** The first year a text writes out with a date ({@code 2005年4月3日}, {@code 2025 年 10 月}), if any. */
    static Optional<Integer> yearSaid(String text) {
        Matcher m = matcher(text);
        for (int from = 0; next(m, text, from); from = m.end()) {
            if (m.group("iso") != null || m.group("ympart") != null) {
                return Optional.of(Integer.parseInt(m.group("iso") != null ? m.group("y") : m.group("yy")));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> resolve(Matcher m, LocalDate written) {
        try {
            if (m.group("iso") != null) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("ym")), Integer.parseInt(m.group("yd"))));
            }
            if (m.group("md") != null) {
                int month = Integer.parseInt(m.group("m"));
                return Optional.of(LocalDate.of(yearOf(month, written), month, Integer.parseInt(m.group("d"))));
            }
            if (m.group("ympart") != null) {
                int year = Integer.parseInt(m.group("yy"));
                if (m.group("yend") != null) {
                    return Optional.of(LocalDate.of(year, 12, 31));
                }
                return Optional.of(partOf(LocalDate.of(year, Integer.parseInt(m.group("ypm")), 1), m.group("yppart")));
            }
            if (m.group("mpart") != null) {
                int month = Integer.parseInt(m.group("pm"));
                if (month < 1 || month > 12) {
                    return Optional.empty();
                }
                return Optional.of(partOf(LocalDate.of(yearOf(month, written), month, 1), m.group("part")));
            }
            if (m.group("rw") != null) {
                LocalDate monday = written.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .plusWeeks(m.group("rw").equals("下下周") ? 2 : m.group("rw").equals("下周") ? 1 : 0);
                String day = m.group("wd");
                return Optional.of(day == null ? monday.plusDays(4) : monday.plusDays(dayIndex(day)));
            }
            if (m.group("rm") != null) {
                return Optional.of(partOf(written.withDayOfMonth(1).plusMonths(1), m.group("rpart")));
            }
            if (m.group("tm") != null) { // 本月 alone is the month being reported on (本月完成了…): only 本月底 and the like are due dates
                return Optional.of(partOf(written.withDayOfMonth(1), m.group("tpart")));
            }
            if (m.group("monthend") != null) {
                return Optional.of(written.with(TemporalAdjusters.lastDayOfMonth()));
            }
            return Optional.of(written.with(TemporalAdjusters.lastDayOfYear()));
        } catch (DateTimeException e) {
            return Optional.empty(); // 2/30, 13/1 and fractions such as 69/84 are not dates
        }
    }

    /** A date without a year is in the year that puts it nearest the report: 1/5 written on 12/28 is next January. */
    static int yearOf(int month, LocalDate written) {
        int difference = month - written.getMonthValue();
        return difference > 6 ? written.getYear() - 1 : difference < -6 ? written.getYear() + 1 : written.getYear();
    }

    /** The last day a part of a month allows; the month as a whole (4月) ends on its last day. */
    private static LocalDate partOf(LocalDate first, String part) {
        if (part == null) {
            return first.with(TemporalAdjusters.lastDayOfMonth());
        }
        return switch (part) {
            case "初", "上旬" -> first.withDayOfMonth(10);
            case "中旬" -> first.withDayOfMonth(20);
            default -> first.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    private static int dayIndex(String day) {
        return switch (day) {
            case "一", "1" -> 0;
            case "二", "2" -> 1;
            case "三", "3" -> 2;
            case "四", "4" -> 3;
            case "五", "5" -> 4;
            case "六", "6" -> 5;
            default -> 6;
        };
    }
}
