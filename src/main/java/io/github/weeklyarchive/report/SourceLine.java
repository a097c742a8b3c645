package io.github.weeklyarchive.report;

import java.util.List;

/**
 * One line of a report's prose (a paragraph line or a list item line) with where it sits, which
 * is what the metric and incident extractors read.
 *
 * @param line    1-based line in the source file
 * @param text    the line's plain text, markup removed
 * @param section the headings and parent items above it, outermost first, brackets and colons
 *                trimmed: {@code [系统运行数据, 成功率]}
 * @param item    the list item the line belongs to (a number unique in the report), or -1 outside lists
 * @param itemStart whether this is the first line of that item
 * @param headingCount how many entries at the start of {@code section} are headings (the rest are list labels)
 * @param headingId the page id of the heading the line sits under ({@link #heading}), or empty under none; a report
 *                  may repeat a heading ({@code ### 风险} in each project), and each has an id of its own
 */
public record SourceLine(int line, String text, List<String> section, int item, boolean itemStart, int headingCount, String headingId) {

    private static final java.util.regex.Pattern OUTLINE_LETTER = java.util.regex.Pattern.compile("^[A-Za-z0-9][.、．]\\s*");

    public SourceLine {
        section = List.copyOf(section);
    }

    /** {@code 系统运行数据 / 成功率}: the section path as shown to readers and written to metrics.csv. */
    public String sectionPath() {
        return String.join(" / ", section);
    }

    /** The heading the line sits under, without an outline letter ({@code C. HIVE标准数仓建设} → {@code HIVE标准数仓建设}). */
    public String heading() {
        return headingCount == 0 ? "" : OUTLINE_LETTER.matcher(section.get(headingCount - 1)).replaceFirst("").strip();
    }
}
