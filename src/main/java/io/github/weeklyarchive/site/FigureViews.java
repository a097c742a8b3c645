package io.github.weeklyarchive.site;

import java.util.List;

/**
 * What the pages about numbers show, as the templates read it ({@code s.name}, {@code s.change}…): values
 * already formatted, changes signed and judged, addresses made. Records, so a template's misspelt field is
 * an error rather than an empty string, and the shape of each page is written down here.
 */
public final class FigureViews {

    private FigureViews() {
    }

    /** A chart in the two colour schemes; the browser picks the one that matches the page. */
    public record Chart(String light, String dark) {
    }

    /**
     * A metric's latest value, change and charts: what cards and lists show (no history, which can be
     * thousands of weeks). {@code latest} and its week are null for a named metric no report states yet.
     *
     * @param changeSince the date of the report the change is against, when that is not the report before
     * @param changeClass good, bad, flat or neutral (which way is good is not known)
     */
    public record MetricSummary(String id, String name, String uri, String unit, String section, int weeks, boolean defined,
                         String latest, String latestWeek, String latestDate, String latestUri,
                         String change, String changeSince, String changeClass, String target, boolean missed,
                         Chart chart, Chart spark, String png) {
    }

    /** A metric's own page: its summary and every week's value, newest first. */
    public record MetricHistory(MetricSummary summary, List<PointRow> points) {
    }

    /** One week's value of a metric, as its page's table shows it. */
    public record PointRow(String date, String week, String uri, String value, String delta, String qualifier, boolean missed, String source) {
    }

    /** A metric on a week's page. */
    public record Chip(String name, String uri, String value, String unit, String change, String changeSince, String changeClass) {
    }

    /** A project and the progress figures written under it. */
    public record ProjectView(String id, String name, String uri, Chart chart, List<MetricSummary> items) {
    }

    /** An incident in the log, with the week that reported it. */
    public record IncidentRow(String date, String day, String time, String summary, String handling, String cause, String impact,
                       String grade, String week, String weekUri, String source) {
    }

    /** The incidents of one month ({@code 2023-02}). */
    public record IncidentMonth(String month, List<IncidentRow> incidents) {
    }
}
