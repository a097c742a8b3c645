package io.github.weeklyarchive.site;

import io.github.weeklyarchive.chart.ChartFiles;
import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.metrics.Incident;
import io.github.weeklyarchive.metrics.Metric;
import io.github.weeklyarchive.metrics.MetricSeries;
import java.util.ArrayList;
import java.util.HashMap;
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
        numbersAsOf().ifPresent(asOf -> dashboard.put("numbersAsOf", asOf));
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
        numbersAsOf().ifPresent(asOf -> home.put("numbersAsOf", asOf));
        figures.weeks().stream().reduce((first, second) -> second).ifPresent(latest -> {
            home.put("latestIncidents", latest.incidents().incidents().size());
            home.put("latestIncidentsReported", latest.incidents().reported());
        });
        return home;
    }

    /**
     * "Numbers as of 11 May 2020" when the latest report states none and the numbers shown are an older report's:
     * said in words, so nobody reads them as this week's.
     */
    private Optional<String> numbersAsOf() {
        Optional<String> latestUri = figures.latest().map(w -> w.week().uri());
        return figures.numbersWeek().filter(w -> !Optional.of(w.uri()).equals(latestUri))
                .map(w -> messages.get("numbersAsOf", messages.date(w.report().date(), "dateFormat")));
    }

    /** How many chips a week's page shows; the rest are one click away on the dashboard. */
    static final int CHIPS_PER_WEEK = 8;

    /**
     * For each week's page: the first {@link #CHIPS_PER_WEEK} metrics it stated that are followed over time
     * (named ones first), with their change. Only those are built: an archive of thousands of weeks times
     * dozens of metrics would not fit the memory budget otherwise.
     */
    Map<String, List<FigureViews.Chip>> chipsByWeek() {
        Map<String, List<FigureViews.Chip>> chips = new HashMap<>();
        for (MetricSeries s : figures.series()) {
            List<MetricSeries.Point> points = s.points();
            for (int i = 0; i < points.size(); i++) {
                MetricSeries.Point point = points.get(i);
                List<FigureViews.Chip> week = chips.computeIfAbsent(point.weekUri(), k -> new ArrayList<>());
                if (week.size() >= CHIPS_PER_WEEK) {
                    continue;
                }
                Optional<Double> change = i == 0 ? Optional.empty() : Optional.of(point.value() - points.get(i - 1).value());
                week.add(new FigureViews.Chip(s.name(), Urls.metric(s.id()), Metric.plain(point.value()), s.unit(),
                        change.map(FigurePages::signed).orElse(""),
                        i == 0 ? "" : figures.changeSince(point, points.get(i - 1)).map(Object::toString).orElse(""),
                        change.map(c -> judge(c, s.goodDirection())).orElse("")));
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
    private FigureViews.MetricHistory series(MetricSeries s) {
        // Rows are made as the template reads them, not all up front: every metric page of a long archive
        // holding its rows at once would not fit the memory budget (5,000 weeks in 512 MB).
        List<MetricSeries.Point> points = s.points();
        return new FigureViews.MetricHistory(summary(s), new java.util.AbstractList<>() {
            @Override
            public FigureViews.PointRow get(int index) {
                MetricSeries.Point p = points.get(points.size() - 1 - index);
                return new FigureViews.PointRow(p.date().toString(), p.week(), p.weekUri(), Metric.plain(p.value()),
                        p.delta().map(FigurePages::signed).orElse(""), p.qualifier().orElse(""),
                        s.target().map(t -> !t.isMet(p.value())).orElse(false), p.location());
            }

            @Override
            public int size() {
                return points.size();
            }
        });
    }

    /** A metric's latest value, change and charts: what cards and lists show. */
    private FigureViews.MetricSummary summary(MetricSeries s) {
        Optional<MetricSeries.Point> latest = s.latest();
        return new FigureViews.MetricSummary(s.id(), s.name(), Urls.metric(s.id()), s.unit(), s.section(), s.points().size(),
                s.definition().isPresent(),
                latest.map(p -> Metric.plain(p.value())).orElse(null), latest.map(MetricSeries.Point::week).orElse(null),
                latest.map(p -> p.date().toString()).orElse(null), latest.map(MetricSeries.Point::weekUri).orElse(null),
                s.change().map(FigurePages::signed).orElse(""),
                figures.changeSince(s).map(Object::toString).orElse(""), // the change is against this date's report
                s.change().map(c -> judge(c, s.goodDirection())).orElse(""),
                s.target().map(Object::toString).orElse(""), s.targetMissed(),
                charts(s.id()), charts("spark-" + s.id()), s.definition().isPresent() ? ChartFiles.png(s.id()) : "");
    }

    private FigureViews.ProjectView project(Figures.Project p) {
        return new FigureViews.ProjectView(p.id(), p.name(), Urls.project(p.id()), charts("project-" + p.id()),
                p.progress().stream().map(this::summary).toList());
    }

    /** Incidents newest first, grouped by month ({@code 2023-02}). */
    private List<FigureViews.IncidentMonth> incidentMonths() {
        Map<String, List<FigureViews.IncidentRow>> byMonth = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Figures.LoggedIncident logged : figures.incidents()) {
            Incident i = logged.incident();
            byMonth.computeIfAbsent(i.date().toString().substring(0, 7), k -> new ArrayList<>()).add(new FigureViews.IncidentRow(
                    i.date().toString(), messages.date(i.date(), "dayFormat"), i.time().orElse(""), i.summary(), i.handling(), i.cause(),
                    String.join("，", i.impact()), i.grade().orElse(""), logged.week().report().displayWeek(), logged.week().uri(),
                    i.location()));
        }
        List<FigureViews.IncidentMonth> months = new ArrayList<>();
        byMonth.forEach((month, rows) -> months.add(new FigureViews.IncidentMonth(month, rows)));
        return months;
    }

    private static FigureViews.Chart charts(String name) {
        return new FigureViews.Chart(ChartFiles.light(name), ChartFiles.dark(name));
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
