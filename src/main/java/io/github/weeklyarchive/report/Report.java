package io.github.weeklyarchive.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One weekly report, parsed: everything later stages need, and nothing they must guess.
 *
 * @param source      path of the Markdown file relative to the source folder, with forward slashes
 * @param title       from front matter, else the first heading, else the file name
 * @param date        the report's date (never the file's modification time)
 * @param weekLabel   the author's own label ({@code 第09周}) as written, if there is one
 * @param tags        from front matter, in the author's order, without duplicates, in Unicode NFC
 * @param draft       {@code draft: true} in front matter: left out of the site unless drafts are asked for
 * @param exportStamp a Notion {@code Created:} stamp, kept as written; it is not the report date
 * @param headings    the body's headings, in order, with their anchor ids
 * @param html        the body rendered to HTML and sanitised: raw HTML from the source kept as formatting, nothing that runs ({@link HtmlSanitizer})
 * @param lines       the body's prose lines with their sections, for the metric and incident extractors
 * @param tableRows   the body rows of its tables, with their headers
 * @param sections    the body split at its headings, for search
 * @param dateSource  where the date was read (front matter, title, file name, git)
 */
public record Report(
        String source,
        String title,
        LocalDate date,
        Optional<String> weekLabel,
        List<String> tags,
        boolean draft,
        Optional<String> exportStamp,
        List<Heading> headings,
        String html,
        List<SourceLine> lines,
        List<TableRow> tableRows,
        List<Section> sections,
        DateSource dateSource) {

    public Report {
        tags = List.copyOf(tags);
        headings = List.copyOf(headings);
        lines = List.copyOf(lines);
        tableRows = List.copyOf(tableRows);
        sections = List.copyOf(sections);
    }

    /**
     * The label shown beside the title: the author's own, unless the title already carries it ({@code 第 407 期} in
     * {@code 科技爱好者周刊（第 407 期）}, {@code #665} in {@code This Week in Rust 665}), where it would only repeat it.
     * An ISO week worked out from the date is never shown there: the date is beside the title, and on a monthly
     * report a week number would be wrong.
     */
    public String badge() {
        return weekLabel.filter(label -> !withoutSpaces(title).contains(withoutSpaces(label).replaceFirst("^#", ""))).orElse("");
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The label of the week in tables and data files: the author's, or the ISO week of the date when the author gave none. */
    public String displayWeek() {
        return weekLabel.orElseGet(() -> IsoWeek.of(date).label());
    }
}
