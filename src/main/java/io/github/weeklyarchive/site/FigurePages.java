package io.github.weeklyarchive.site;

import io.github.weeklyarchive.chart.ChartFiles;
import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.metrics.Incident;
import io.github.weeklyarchive.metrics.Metric;
import io.github.weeklyarchive.metrics.MetricSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jbake.model.DocumentModel;
import org.jbake.model.ModelAttributes;

/**
 * The pages about numbers: the metrics dashboard, a page per metric, the incident log, progress per
 * project, the home page's summary and each week's metric chips. Everything a template shows is
 * computed here (values formatted, changes signed and judged good or bad); templates only lay it out.
 */
final class FigurePages {

    private final Figures figures;
    private final Messages messages;

    FigurePages(Figures figures, Messages messages) {
        this.figures = figures;
        this.messages = messages;
    }

    /** The pages, as documents for JBake's renderer: the template is picked by type. */
    List<DocumentModel> documents() {
        List<DocumentModel> pages = new ArrayList<>();
        DocumentModel dashboard = page("dashboard", Urls.METRICS, messages.get("metrics"));
        // Series with a value in the latest report first (and named ones not yet stated); stopped ones apart, with their last date.
        dashboard.put("series", figures.series().stream().filter(s -> s.points().isEmpty() || figures.isCurrent(s)).map(this::summary).toList());
        dashboard.put("stopped", figures.stopped().stream().map(this::summary).toList());
        pages.add(dashboard);
        for (MetricSeries s : figures.series()) {
            DocumentModel metric = page("metric", Urls.metric(s.id()), s.name());
            metric.put("series", series(s));
            pages.add(metric);
        }
        DocumentModel incidents = page("incidents", Urls.INCIDENTS, messages.get("incidents"));
        incidents.put("months", incidentMonths());
        incidents.put("count", figures.incidents().size());
        incidents.put("weeksReported", figures.weeks().stream().filter(w -> w.incidents().reported()).count());
        incidents.put("chart", charts("incidents"));
        pages.add(incidents);
        DocumentModel projects = page("projects", Urls.PROJECTS, messages.get("projects"));
        projects.put("projects", figures.projects().stream().map(this::project).toList());
        pages.add(projects);
        for (Figures.Project p : figures.projects()) {
            DocumentModel project = page("project", Urls.project(p.id()), p.name());
            project.put("project", project(p));
            pages.add(project);
        }
        return pages;
    }

    /** The home page as a document, so its template gets the dashboard summary beside JBake's lists. */
    DocumentModel home(String indexFile) {
        DocumentModel home = page("masterindex", indexFile, "");
        home.put("keyMetrics", figures.series().stream()
                .filter(figures::isCurrent) // this week's numbers only: nothing from an older report
                .limit(8)
                .map(this::summary)
                .toList());
        figures.weeks().stream().reduce((first, second) -> second).ifPresent(latest -> {
            home.put("latestIncidents", latest.incidents().incidents().size());
            home.put("latestIncidentsReported", latest.incidents().reported());
        });
        return home;
    }

    /** How many chips a week's page shows; the rest are one click away on the dashboard. */
    static final int CHIPS_PER_WEEK = 8;

    /**
     * For each week's page: the first {@link #CHIPS_PER_WEEK} metrics it stated that are followed over time
     * (named ones first), with their change. Only those are built: an archive of thousands of weeks times
     * dozens of metrics would not fit the memory budget otherwise.
     */
    Map<String, List<Map<String, Object>>> chipsByWeek() {
        Map<String, List<Map<String, Object>>> chips = new HashMap<>();
        for (MetricSeries s : figures.series()) {
            List<MetricSeries.Point> points = s.points();
            for (int i = 0; i < points.size(); i++) {
                MetricSeries.Point point = points.get(i);
                List<Map<String, Object>> week = chips.computeIfAbsent(point.weekUri(), k -> new ArrayList<>());
                if (week.size() >= CHIPS_PER_WEEK) {
                    continue;
                }
                Map<String, Object> chip = new LinkedHashMap<>();
                chip.put("name", s.name());
                chip.put("uri", Urls.metric(s.id()));
                chip.put("value", Metric.plain(point.value()));
                chip.put("unit", s.unit());
                Optional<Double> change = i == 0 ? Optional.empty() : Optional.of(point.value() - points.get(i - 1).value());
                chip.put("change", change.map(FigurePages::signed).orElse(""));
                chip.put("changeSince", i == 0 ? "" : figures.changeSince(point, points.get(i - 1)).map(Object::toString).orElse(""));
                chip.put("changeClass", change.map(c -> judge(c, s.goodDirection())).orElse(""));
                week.add(chip);
            }
        }
        return chips;
    }

    /** How many followed metrics each week stated, for the link to the rest. */
    Map<String, Integer> metricCountByWeek() {
        Map<String, Integer> counts = new HashMap<>();
        figures.series().forEach(s -> s.points().forEach(p -> counts.merge(p.weekUri(), 1, Integer::sum)));
        return counts;
    }

    Map<String, Integer> incidentCountByWeek() {
        Map<String, Integer> counts = new HashMap<>();
        figures.weeks().forEach(w -> counts.put(w.week().uri(), w.incidents().incidents().size()));
        return counts;
    }

    /** A metric with every week's value, newest first, for its own page. */
    private Map<String, Object> series(MetricSeries s) {
        Map<String, Object> model = summary(s);
        // Rows are made as the template reads them, not all up front: every metric page of a long archive
        // holding its rows at once would not fit the memory budget (5,000 weeks in 512 MB).
        List<MetricSeries.Point> points = s.points();
        model.put("points", new java.util.AbstractList<Map<String, Object>>() {
            @Override
            public Map<String, Object> get(int index) {
                MetricSeries.Point p = points.get(points.size() - 1 - index);
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("date", p.date().toString());
                point.put("week", p.week());
                point.put("uri", p.weekUri());
                point.put("value", Metric.plain(p.value()));
                point.put("delta", p.delta().map(FigurePages::signed).orElse(""));
                point.put("qualifier", p.qualifier().orElse(""));
                point.put("missed", s.target().map(t -> !t.isMet(p.value())).orElse(false));
                point.put("source", p.location());
                return point;
            }

            @Override
            public int size() {
                return points.size();
            }
        });
        return model;
    }

    /** A metric's latest value, change and charts: what cards and lists show (no history, which can be thousands of weeks). */
    private Map<String, Object> summary(MetricSeries s) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", s.id());
        model.put("name", s.name());
        model.put("uri", Urls.metric(s.id()));
        model.put("unit", s.unit());
        model.put("section", s.section());
        model.put("weeks", s.points().size());
        model.put("defined", s.definition().isPresent());
        s.latest().ifPresent(p -> {
            model.put("latest", Metric.plain(p.value()));
            model.put("latestWeek", p.week());
            model.put("latestDate", p.date().toString());
            model.put("latestUri", p.weekUri());
        });
        model.put("change", s.change().map(FigurePages::signed).orElse(""));
        model.put("changeSince", figures.changeSince(s).map(Object::toString).orElse("")); // the change is against this date's report
        model.put("changeClass", s.change().map(c -> judge(c, s.goodDirection())).orElse(""));
        model.put("target", s.target().map(Object::toString).orElse(""));
        model.put("missed", s.targetMissed());
        model.put("chart", charts(s.id()));
        model.put("spark", charts("spark-" + s.id()));
        model.put("png", s.definition().isPresent() ? ChartFiles.png(s.id()) : "");
        return model;
    }

    private Map<String, Object> project(Figures.Project p) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", p.id());
        model.put("name", p.name());
        model.put("uri", Urls.project(p.id()));
        model.put("chart", charts("project-" + p.id()));
        model.put("items", p.progress().stream().map(this::summary).toList());
        return model;
    }

    /** Incidents newest first, grouped by month ({@code 2023-02}). */
    private List<Map<String, Object>> incidentMonths() {
        java.time.format.DateTimeFormatter dayFormat = java.time.format.DateTimeFormatter.ofPattern(messages.get("dayFormat"),
                messages.language().equals("en") ? java.util.Locale.ENGLISH : java.util.Locale.CHINESE);
        Map<String, List<Map<String, Object>>> byMonth = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Figures.LoggedIncident logged : figures.incidents()) {
            Incident i = logged.incident();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", i.date().toString());
            row.put("day", i.date().format(dayFormat));
            row.put("time", i.time().orElse(""));
            row.put("summary", i.summary());
            row.put("handling", i.handling());
            row.put("cause", i.cause());
            row.put("impact", String.join("，", i.impact()));
            row.put("grade", i.grade().orElse(""));
            row.put("week", logged.week().report().displayWeek());
            row.put("weekUri", logged.week().uri());
            row.put("source", i.location());
            byMonth.computeIfAbsent(i.date().toString().substring(0, 7), k -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> months = new ArrayList<>();
        byMonth.forEach((month, rows) -> months.add(Map.of("month", month, "incidents", rows)));
        return months;
    }

    private static Map<String, Object> charts(String name) {
        return Map.of("light", ChartFiles.light(name), "dark", ChartFiles.dark(name));
    }

    static DocumentModel page(String type, String uri, String title) {
        DocumentModel page = new DocumentModel();
        page.setType(type);
        page.setUri(uri);
        page.setSourceUri(uri);
        page.setTitle(title);
        page.setStatus(ModelAttributes.Status.PUBLISHED);
        page.setRootPath("");
        return page;
    }

    static String signed(double change) {
        if (Math.abs(change) < 1e-9) {
            return "±0";
        }
        String number = Metric.plain(Math.abs(Math.round(change * 10000) / 10000.0));
        return (change > 0 ? "+" : "−") + number;
    }

    /** "good", "bad" or "flat", given which way is good for the metric (0: unknown, so neutral). */
    static String judge(double change, int goodDirection) {
        if (Math.abs(change) < 1e-9) {
            return "flat";
        }
        if (goodDirection == 0) {
            return "neutral";
        }
        return Math.signum(change) == goodDirection ? "good" : "bad";
    }
}
