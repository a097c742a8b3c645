package io.github.weeklyarchive.site;

import java.util.List;

/**
 * What the pages about commitments show, as the templates read it: dates and outcomes already worded in the site's
 * language, addresses made. Records, so a misspelt field in a template is an error, not an empty string.
 */
public final class CommitmentViews {

    private CommitmentViews() {
    }

    /**
     * A commitment with its history.
     *
     * @param status    open, done or overdue (the class its badge is drawn with)
     * @param outcome   what became of it, in words ({@code 按期完成}, {@code 逾期 12 天})
     * @param dues      each due date it was given, the replaced ones first
     * @param mentions  the weeks that spoke of it, linking to the heading the line sits under
     * @param id        its anchor on the commitments page, which week pages link to
     */
    public record Row(String subject, String action, String section, String due, String status, String outcome, String resolved,
                      List<DueView> dues, List<MentionView> mentions, String id) {
    }

    /** A due date and the day of the report that gave it; {@code replaced} when a later report gave another. */
    public record DueView(String date, String given, boolean replaced) {
    }

    /** A clause of a week's report that spoke of the commitment. */
    public record MentionView(String week, String date, String uri, String kind, String text, String source) {
    }

    /** On a week's page: a commitment that fell due since the report before, and what this report knew of it. */
    public record DueThisWeek(String subject, String action, String due, String outcome, String outcomeClass, String later, String uri) {
    }

    /** The home page's line: how many fell due by the latest report and how many of those were done. */
    public record HomeCount(int due, int done, int open, int overdue) {
    }
}
