package io.github.weeklyarchive.metrics;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.archive.Week;
import io.github.weeklyarchive.report.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The numbers of the whole archive: what each week stated, each metric as a series over time,
 * progress per project, and every incident in one log.
 */
public record Figures(List<WeekFigures> weeks, List<MetricSeries> series, List<Project> projects, List<LoggedIncident> incidents,
                      List<Problem> problems) {

    public Figures {
        weeks = List.copyOf(weeks);
        series = List.copyOf(series);
        projects = List.copyOf(projects);
        incidents = List.copyOf(incidents);
        problems = List.copyOf(problems);
    }

    /** What one week stated. */
    public record WeekFigures(Week week, List<Metric> metrics, IncidentExtractor.WeekIncidents incidents) {
    }

    /** An incident with the week that reported it. */
    public record LoggedIncident(Incident incident, Week week) {
    }

    /** The progress figures written under one heading. */
    public record Project(String id, String name, List<MetricSeries> progress) {
    }

    /** Extracts every week's figures and follows them over time. */
    public static Figures of(Archive archive, MetricsConfig config) {
        List<Extracted> extracted = archive.weeks().parallelStream().map(week -> extract(week, config)).toList();
        List<WeekFigures> weeks = extracted.stream().map(Extracted::figures).toList();
        List<Problem> problems = extracted.stream().flatMap(e -> e.problems().stream()).toList();

        List<MetricSeries> series = series(weeks, config);
        List<LoggedIncident> log = new ArrayList<>();
        for (WeekFigures w : weeks) {
            w.incidents().incidents().forEach(i -> log.add(new LoggedIncident(i, w.week())));
        }
        log.sort(Comparator.comparing((LoggedIncident l) -> l.incident().date())
                .thenComparing(l -> l.incident().time().orElse("")).reversed());
        return new Figures(weeks, series, projects(series, weeks), log, problems);
    }

    private record Extracted(WeekFigures figures, List<Problem> problems) {
    }

    private static Extracted extract(Week week, MetricsConfig config) {
        MetricExtractor.Extraction metrics = MetricExtractor.extract(week.report(), config);
        IncidentExtractor.WeekIncidents incidents = IncidentExtractor.extract(week.report(), config);
        List<Problem> problems = new ArrayList<>(metrics.problems());
        problems.addAll(incidents.problems());
        return new Extracted(new WeekFigures(week, metrics.metrics(), incidents), problems);
    }

    /** The name a metric is filed under: its definition's name, or its label as written. */
    public static String nameOf(Metric metric, MetricsConfig config) {
        return config.definitionOf(metric.label()).map(MetricsConfig.Definition::name).orElse(metric.label());
    }

    private static List<MetricSeries> series(List<WeekFigures> weeks, MetricsConfig config) {
        // Defined metrics are one series wherever they are written. An automatic one is its label, wherever the
        // section: authors move headings. Only a label that one week uses under several sections (存量单 under two
        // headings) is told apart by section.
        Set<String> ambiguous = new java.util.HashSet<>();
        for (WeekFigures w : weeks) {
            Map<String, String> sectionOf = new HashMap<>();
            for (Metric m : w.metrics()) {
                String before = sectionOf.putIfAbsent(m.label(), m.section());
                if (before != null && !before.equals(m.section())) {
                    ambiguous.add(m.label());
                }
            }
        }
        Map<String, List<MetricSeries.Point>> points = new LinkedHashMap<>();
        Map<String, Metric> lastMetric = new HashMap<>();
        for (WeekFigures w : weeks) {
            Set<String> seenThisWeek = new java.util.HashSet<>();
            for (Metric m : w.metrics()) {
                String key = config.definitionOf(m.label()).map(d -> "defined:" + d.name())
                        .orElse("auto:" + m.label() + (ambiguous.contains(m.label()) ? "\u0000" + m.section() : ""));
                if (!seenThisWeek.add(key)) {
                    continue; // the first value a week gives for a metric is its value
                }
                points.computeIfAbsent(key, k -> new ArrayList<>()).add(new MetricSeries.Point(w.week().report().date(),
                        w.week().report().displayWeek(), w.week().uri(), m.value(), m.delta(), m.qualifier(), m.location()));
                lastMetric.put(key, m);
            }
        }
        Map<String, Integer> labelUse = new HashMap<>();
        points.forEach((key, list) -> {
            if (key.startsWith("auto:") && list.size() >= config.minimumWeeks()) {
                labelUse.merge(lastMetric.get(key).label(), 1, Integer::sum);
            }
        });
        List<MetricSeries> defined = new ArrayList<>();
        for (MetricsConfig.Definition d : config.definitions()) {
            String key = "defined:" + d.name();
            List<MetricSeries.Point> list = points.getOrDefault(key, List.of());
            Metric last = lastMetric.get(key);
            defined.add(new MetricSeries(d.id().orElseGet(() -> idFor(key, d.name())), d.name(),
                    d.unit().orElse(last == null ? "" : last.unit()), last == null ? "" : last.section(), Optional.of(d), list));
        }
        List<MetricSeries> automatic = new ArrayList<>();
        points.forEach((key, list) -> {
            if (!key.startsWith("auto:") || list.size() < config.minimumWeeks()) {
                return;
            }
            Metric last = lastMetric.get(key);
            // Two sections using one label (存量单 under two headings) are told apart by their section.
            String name = labelUse.get(last.label()) > 1 ? last.label() + "（" + lastPart(last.section()) + "）" : last.label();
            automatic.add(new MetricSeries(idFor(key, name), name, last.unit(), last.section(), Optional.empty(), list));
        });
        automatic.sort(Comparator.comparing((MetricSeries s) -> -s.points().size()).thenComparing(MetricSeries::name));
        List<MetricSeries> all = new ArrayList<>(defined);
        all.addAll(automatic);
        return all;
    }

    private static List<Project> projects(List<MetricSeries> series, List<WeekFigures> weeks) {
        Map<String, String> projectOfLocation = new HashMap<>();
        for (WeekFigures w : weeks) {
            for (Metric m : w.metrics()) {
                if (m.isProgress() && !m.project().isEmpty()) {
                    projectOfLocation.put(m.location(), m.project());
                }
            }
        }
        Map<String, List<MetricSeries>> byProject = new TreeMap<>();
        for (MetricSeries s : series) {
            if (!"%".equals(s.unit()) || s.latest().isEmpty()) {
                continue;
            }
            String project = projectOfLocation.get(s.latest().get().location());
            if (project != null) {
                byProject.computeIfAbsent(project, k -> new ArrayList<>()).add(s);
            }
        }
        List<Project> projects = new ArrayList<>();
        byProject.forEach((name, list) -> projects.add(new Project(idFor("project:" + name, name), name, list)));
        return projects;
    }

    private static String lastPart(String section) {
        int slash = section.lastIndexOf(" / ");
        return slash < 0 ? section : section.substring(slash + 3);
    }

    /** An ASCII file name: the name itself when it is plain ASCII, else a short hash of what identifies it. */
    static String idFor(String key, String name) {
        String ascii = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (name.chars().allMatch(c -> c < 128) && !ascii.isEmpty()) {
            return ascii;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
            return "m" + HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
