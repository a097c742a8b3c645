package io.github.weeklyarchive.site;

import io.github.weeklyarchive.archive.Week;
import io.github.weeklyarchive.report.Heading;
import io.github.weeklyarchive.report.Report;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbake.model.DocumentModel;
import org.jbake.model.ModelAttributes;

/**
 * A week as the document JBake's templates know ({@code content.title}, {@code content.date},
 * {@code content.body}, {@code content.tags}, …), plus what our stages add: {@code content.week}
 * (the label), {@code content.source}, and {@code content.page} with {@code prev}, {@code next},
 * {@code toc} and {@code exported}. Every value is set here, so JBake never guesses one.
 */
final class WeekDocument {

    private WeekDocument() {
    }

    static DocumentModel of(Week week, String body, List<FigureViews.Chip> metricChips, int metricCount, int incidents,
                            List<CommitmentViews.DueThisWeek> due) {
        Report report = week.report();
        DocumentModel document = new DocumentModel();
        document.setTitle(report.title());
        // Midnight UTC, the zone FreeMarker formats dates in (freemarker.timezone): the printed day is the
        // report's day and the feed's timestamps are the same on every build machine.
        document.setDate(Date.from(report.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
        document.setType("post");
        document.setStatus(ModelAttributes.Status.PUBLISHED);
        document.setTags(report.tags().toArray(String[]::new));
        document.setUri(week.uri());
        document.setSourceUri(week.uri());
        document.setFile(report.source());
        document.setRootPath("../");
        document.setSha1("");
        document.setRendered(false);
        document.setCached(true);
        document.setBody(body);
        document.put("week", report.displayWeek());
        document.put("badge", report.badge());
        document.put("source", report.source());

        Map<String, Object> page = new LinkedHashMap<>();
        week.previous().ifPresent(link -> page.put("prev", link(link)));
        week.next().ifPresent(link -> page.put("next", link(link)));
        page.put("toc", toc(report.headings()));
        report.exportStamp().ifPresent(stamp -> page.put("exported", stamp));
        page.put("draft", report.draft());
        page.put("metrics", metricChips);
        page.put("metricCount", metricCount);
        page.put("incidents", incidents);
        page.put("due", due); // commitments that fell due since the report before, and what this one knew of them
        document.put("page", page);
        return document;
    }

    private static Map<String, Object> link(Week.Link link) {
        return Map.of("uri", link.uri(), "title", link.title(), "week", link.label(), "date", link.date());
    }

    /** How many heading levels the contents list, from the report's own top level down. */
    private static final int TOC_DEPTH = 3;

    /**
     * The contents: the report's headings of its three top levels, each with its {@code depth} under the top one (1-3)
     * besides its {@code level}. A report that uses only {@code ####} headings (rustc-perf's triage logs) has contents
     * too, listed as top-level entries, instead of an empty box.
     */
    private static List<Map<String, Object>> toc(List<Heading> headings) {
        int top = headings.stream().mapToInt(Heading::level).min().orElse(1);
        return headings.stream().filter(h -> h.level() - top < TOC_DEPTH)
                .map(h -> Map.<String, Object>of("level", h.level(), "depth", h.level() - top + 1, "text", h.text(), "id", h.id())).toList();
    }

    static List<DocumentModel> all(List<Week> weeks, FigurePages figures, CommitmentPages commitments) {
        Map<String, List<FigureViews.Chip>> chips = figures.chipsByWeek();
        Map<String, Integer> counts = figures.metricCountByWeek();
        Map<String, Integer> incidents = figures.incidentCountByWeek();
        Map<String, List<CommitmentViews.DueThisWeek>> due = commitments.dueByWeek(weeks);
        ReportLinks links = new ReportLinks(weeks);
        return weeks.stream().map(week -> of(week, links.rewrite(week), chips.getOrDefault(week.uri(), List.of()), counts.getOrDefault(week.uri(), 0),
                incidents.getOrDefault(week.uri(), 0), due.getOrDefault(week.uri(), List.of()))).toList();
    }
}
