package io.github.weeklyarchive.metrics;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.archive.Week;
import io.github.weeklyarchive.report.NormalForm;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.FoundPerReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The numbers of the whole archive: what each week stated, each metric as a series over time,
 * progress per project, and every incident in one log.
 *
 * @param unseries labels found in two reports or more that are not series, with the reason (for {@code check --metrics})
 * @param numbersWeek the latest report that states a value of any series: the dashboard's "this week" (found once:
 *                    every series asks {@link #isCurrent})
 */
public record Figures(List<WeekFigures> weeks, List<MetricSeries> series, List<Project> projects, List<LoggedIncident> incidents,
                      List<Problem> problems, List<NotASeries> unseries, Optional<Week> numbersWeek) {

    public Figures {
        weeks = List.copyOf(weeks);
        series = List.copyOf(series);
        projects = List.copyOf(projects);
        incidents = List.copyOf(incidents);
        problems = List.copyOf(problems);
        unseries = List.copyOf(unseries);
    }

    /** What one week stated. */
    public record WeekFigures(Week week, List<Metric> metrics, IncidentExtractor.WeekIncidents incidents) {
    }

    /** An incident with the week that reported it. */
    public record LoggedIncident(Incident incident, Week week) {
    }

    /** The progress figures of one piece of work, under the name its reports use most. */
    public record Project(String id, String name, List<MetricSeries> progress) {
    }

    /** A label stated in several reports that is not charted, and why. */
    public record NotASeries(String label, String unit, List<MetricSeries.Point> points, String reason) {
    }

    /** Extracts every week's figures and follows them over time. */
    public static Figures of(Archive archive, MetricsConfig config) {
        return of(archive, config, Extractions.none());
    }

    /** As {@link #of(Archive, MetricsConfig)}, taking what unchanged reports stated from {@code kept}. */
    public static Figures of(Archive archive, MetricsConfig config, Extractions kept) {
        List<Extracted> extracted = archive.weeks().parallelStream().map(week -> extract(week, config, kept)).toList();
        List<WeekFigures> weeks = extracted.stream().map(Extracted::figures).toList();
        List<Problem> problems = extracted.stream().flatMap(e -> e.problems().stream()).toList();

        List<NotASeries> unseries = new ArrayList<>();
        List<MetricSeries> series = series(weeks, config, unseries);
        List<LoggedIncident> log = new ArrayList<>();
        for (WeekFigures w : weeks) {
            w.incidents().incidents().forEach(i -> log.add(new LoggedIncident(i, w.week())));
        }
        log.sort(Comparator.comparing((LoggedIncident l) -> l.incident().date())
                .thenComparing(l -> l.incident().time().orElse("")).reversed());
        return new Figures(weeks, series, Projects.of(series, weeks), log, problems, unseries, numbersWeek(weeks, series));
    }

    /** The latest report's figures, if there is any report. */
    public Optional<WeekFigures> latest() {
        return weeks.isEmpty() ? Optional.empty() : Optional.of(weeks.get(weeks.size() - 1));
    }

    /**
     * The latest report that states a value of any series: the dashboard's "this week". Usually the latest report;
     * when that one states no numbers (a monthly digest after years of weekly ones, a short holiday note), the
     * numbers shown are the last ones stated, dated as such, rather than a dashboard of nothing but stopped series.
     */
    private static Optional<Week> numbersWeek(List<WeekFigures> weeks, List<MetricSeries> series) {
        Set<String> stated = new HashSet<>();
        series.forEach(s -> s.latest().ifPresent(p -> stated.add(p.weekUri())));
        for (int i = weeks.size() - 1; i >= 0; i--) {
            if (stated.contains(weeks.get(i).week().uri())) {
                return Optional.of(weeks.get(i).week());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code s} has a value in the {@link #numbersWeek() report the numbers are from}: only those are this week's numbers. */
    public boolean isCurrent(MetricSeries s) {
        return s.latest().isPresent() && numbersWeek().map(w -> w.uri().equals(s.latest().get().weekUri())).orElse(false);
    }

    /** Series the reports stopped stating (a value once, none in the numbers' report), the most recently stopped first. */
    public List<MetricSeries> stopped() {
        return series.stream().filter(s -> s.latest().isPresent() && !isCurrent(s))
                .sorted(Comparator.comparing((MetricSeries s) -> s.latest().get().date()).reversed())
                .toList();
    }

    /**
     * The date of {@code previous} when a change from it to {@code point} is not a change against the report just
     * before: some report between them did not state the metric. Empty when {@code previous} is the report before.
     */
    public Optional<java.time.LocalDate> changeSince(MetricSeries.Point point, MetricSeries.Point previous) {
        int at = indexOf(point.date());
        return at > 0 && weeks.get(at - 1).week().report().date().equals(previous.date()) ? Optional.empty() : Optional.of(previous.date());
    }

    /** The change of {@code s}'s latest value, and the date it is against when that is not the report before. */
    public Optional<java.time.LocalDate> changeSince(MetricSeries s) {
        return s.latest().flatMap(last -> s.previous().flatMap(before -> changeSince(last, before)));
    }

    private int indexOf(java.time.LocalDate date) {
        int low = 0;
        int high = weeks.size() - 1;
        while (low <= high) { // weeks are in date order, one a date
            int mid = (low + high) >>> 1;
            int c = weeks.get(mid).week().report().date().compareTo(date);
            if (c == 0) {
                return mid;
            } else if (c < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }

    private record Extracted(WeekFigures figures, List<Problem> problems) {
    }

    /** What one report states: a function of the report and metrics.yaml alone, not of its week's neighbours. */
    private record Stated(List<Metric> metrics, IncidentExtractor.WeekIncidents incidents, List<Problem> problems) {
    }

    private static Extracted extract(Week week, MetricsConfig config, Extractions kept) {
        Stated stated = kept.get(week.report(), () -> {
            MetricExtractor.Extraction metrics = MetricExtractor.extract(week.report(), config);
            IncidentExtractor.WeekIncidents incidents = IncidentExtractor.extract(week.report(), config);
            List<Problem> problems = new ArrayList<>(metrics.problems());
            problems.addAll(incidents.problems());
            return new Stated(metrics.metrics(), incidents, List.copyOf(problems));
        });
        return new Extracted(new WeekFigures(week, stated.metrics(), stated.incidents()), stated.problems());
    }

    /** What each report stated (metrics, incidents), kept with the report: see {@link FoundPerReport}. Its settings are metrics.yaml's text. */
    public static final class Extractions extends FoundPerReport<Stated> {
        private Extractions(boolean keeping) {
            super(keeping, Stated.class);
        }

        /** For a session of several builds, or a build the build cache serves. */
        public static Extractions keeping() {
            return new Extractions(true);
        }

        /** Nothing kept: a one-off build. */
        public static Extractions none() {
            return new Extractions(false);
        }
    }

    /** The name a metric is filed under: its definition's name, or its label as written. */
    public static String nameOf(Metric metric, MetricsConfig config) {
        return config.definitionOf(metric.label()).map(MetricsConfig.Definition::name).orElse(metric.label());
    }

    /**
     * What makes values one series: a metric the user defined (by its name), or an automatic label with one unit,
     * letter case and plurals aside (see {@link Label#key}), told apart by section only where one week uses the
     * label under two sections.
     */
    private record SeriesKey(Optional<String> defined, String label, String unit, String section) {
        static SeriesKey defined(String name) {
            return new SeriesKey(Optional.of(name), "", "", "");
        }

        static SeriesKey automatic(Metric m) {
            return automatic(m, Label.key(m.label()));
        }

        /** {@link #automatic(Metric)} given the {@link Label#key} of its label. */
        static SeriesKey automatic(Metric m, String labelKey) {
            return new SeriesKey(Optional.empty(), labelKey, m.unit(), "");
        }

        SeriesKey inSection(String section) {
            return new SeriesKey(defined, label, unit, section);
        }

        boolean isAutomatic() {
            return defined.isEmpty();
        }
    }

    private static List<MetricSeries> series(List<WeekFigures> weeks, MetricsConfig config, List<NotASeries> unseries) {
        // Defined metrics are one series wherever they are written. An automatic one is its label and unit, wherever
        // the section: authors move headings. Only a label that one week uses under several sections (存量单 under two
        // headings) is told apart by section.
        // Weeks repeat their labels: each distinct one's key and definition are worked out once (a serve session does
        // this on every edit, over every week's figures).
        Map<String, String> labelKeys = new HashMap<>();
        Map<String, Optional<MetricsConfig.Definition>> definitions = new HashMap<>();
        Set<SeriesKey> ambiguous = new java.util.HashSet<>();
        for (WeekFigures w : weeks) {
            Map<SeriesKey, String> sectionOf = new HashMap<>();
            for (Metric m : w.metrics()) {
                SeriesKey automatic = SeriesKey.automatic(m, labelKeys.computeIfAbsent(m.label(), Label::key));
                String before = sectionOf.putIfAbsent(automatic, m.section());
                if (before != null && !before.equals(m.section())) {
                    ambiguous.add(automatic);
                }
            }
        }
        // What each series gathers, found by one lookup of its key per figure (44,000 figures in 1,000 weeks).
        final class Gathered {
            final List<MetricSeries.Point> points = new ArrayList<>();
            final List<SeriesRules.Value> values = new ArrayList<>();
            final Map<String, Integer> spellings = new HashMap<>();
            Metric last;
            int week = -1; // the first value a week gives for a metric is its value
        }
        Map<SeriesKey, Gathered> gathered = new LinkedHashMap<>();
        for (int index = 0; index < weeks.size(); index++) {
            WeekFigures w = weeks.get(index);
            java.time.LocalDate date = w.week().report().date();
            String displayWeek = w.week().report().displayWeek(); // made from the title on each call: once a week, not once a figure
            for (Metric m : w.metrics()) {
                SeriesKey key = definitions.computeIfAbsent(m.label(), config::definitionOf).map(d -> SeriesKey.defined(d.name())).orElseGet(() -> {
                    SeriesKey automatic = SeriesKey.automatic(m, labelKeys.get(m.label())); // made once, not once per test
                    return ambiguous.contains(automatic) ? automatic.inSection(NormalForm.compatible(m.section())) : automatic;
                });
                Gathered g = gathered.computeIfAbsent(key, k -> new Gathered());
                if (g.week == index) {
                    continue;
                }
                g.week = index;
                g.points.add(new MetricSeries.Point(date, displayWeek, w.week().uri(), m.value(), m.delta(), m.qualifier(), m.location()));
                g.values.add(new SeriesRules.Value(index, date, m.value()));
                g.last = m;
                g.spellings.merge(m.label(), 1, Integer::sum);
            }
        }
        Map<SeriesKey, List<MetricSeries.Point>> points = new LinkedHashMap<>();
        Map<SeriesKey, Metric> lastMetric = new HashMap<>();
        gathered.forEach((key, g) -> {
            points.put(key, g.points);
            lastMetric.put(key, g.last);
        });
        Set<SeriesKey> qualified = new java.util.HashSet<>();
        points.forEach((key, list) -> {
            if (!key.isAutomatic()) {
                return;
            }
            Metric last = lastMetric.get(key);
            Optional<String> rejection = SeriesRules.rejection(gathered.get(key).values, last.unit(), config.minimumWeeks());
            if (rejection.isEmpty()) {
                qualified.add(key);
            } else if (list.size() >= 2) {
                String label = ambiguous.contains(SeriesKey.automatic(last)) ? Label.qualified(last.label(), lastPart(last.section())) : last.label();
                unseries.add(new NotASeries(label, last.unit(), list, rejection.get()));
            }
        });
        Map<String, Integer> labelUse = new HashMap<>();
        qualified.forEach(key -> labelUse.merge(Label.key(lastMetric.get(key).label()), 1, Integer::sum));
        List<MetricSeries> defined = new ArrayList<>();
        for (MetricsConfig.Definition d : config.definitions()) {
            SeriesKey key = SeriesKey.defined(d.name());
            List<MetricSeries.Point> list = points.getOrDefault(key, List.of());
            Metric last = lastMetric.get(key);
            // The page name hashes the same text as it always has, so addresses stay.
            defined.add(new MetricSeries(d.id().orElseGet(() -> idFor("defined:" + d.name(), d.name())), d.name(),
                    d.unit().orElse(last == null ? "" : last.unit()), last == null ? "" : last.section(), Optional.of(d), list));
        }
        List<MetricSeries> automatic = new ArrayList<>();
        points.forEach((key, list) -> {
            if (!qualified.contains(key)) {
                return;
            }
            Metric last = lastMetric.get(key);
            // Named as most weeks write it ("Regressions", not the odd week's "Regression"); ties go to the latest.
            String name = gathered.get(key).spellings.entrySet().stream()
                    .max(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue()).thenComparing(e -> e.getKey().equals(last.label())))
                    .map(Map.Entry::getKey).orElse(last.label());
            // Sections (存量单 under two headings) or units using one label are told apart in the name.
            // The page name hashes what identified the series before units were told apart, so addresses stay.
            String idKey = "auto:" + name + (ambiguous.contains(SeriesKey.automatic(last)) ? "\u0000" + last.section() : "");
            if (labelUse.get(Label.key(last.label())) > 1) {
                boolean bySection = ambiguous.contains(SeriesKey.automatic(last));
                name = Label.qualified(name, bySection ? lastPart(last.section()) : last.unit());
                idKey = bySection ? idKey : idKey + "\u0000" + last.unit();
            }
            automatic.add(new MetricSeries(idFor(idKey, name), name, last.unit(), last.section(), Optional.empty(), list));
        });
        automatic.sort(Comparator.comparing((MetricSeries s) -> -s.points().size()).thenComparing(MetricSeries::name));
        List<MetricSeries> all = new ArrayList<>(defined);
        all.addAll(automatic);
        return all;
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
