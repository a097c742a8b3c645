package io.github.weeklyarchive.metrics;

import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.SourceLine;
import io.github.weeklyarchive.report.TableRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code check --metrics} prints: every series with each of its points and the source line it was read
 * from ({@code path:line} and the line itself), so an author can see why a number was taken; then the labels
 * stated in several reports that are not charted, and why not.
 */
public final class AccuracyReport {

    /** Longest excerpt of a source line shown beside a point. */
    static final int EXCERPT = 72;

    private AccuracyReport() {
    }

    /** Writes the report on {@code figures} to {@code out}. */
    public static void write(Figures figures, Appendable out) {
        Map<String, String> lines = sourceLines(figures);
        List<MetricSeries> stopped = figures.stopped();
        try {
            out.append(figures.series().size() + " series (" + (figures.series().size() - stopped.size()) + " in the latest report, "
                    + stopped.size() + " no longer reported); " + figures.unseries().size()
                    + " more labels were stated in several reports but are not series\n");
            for (MetricSeries s : figures.series()) {
                if (stopped.contains(s)) {
                    continue;
                }
                series(s, figures, lines, out);
            }
            if (!stopped.isEmpty()) {
                out.append("\nno longer reported:\n");
                for (MetricSeries s : stopped) {
                    series(s, figures, lines, out);
                }
            }
            if (!figures.unseries().isEmpty()) {
                out.append("\nnot series:\n");
                for (Figures.NotASeries n : figures.unseries()) {
                    out.append("\n").append(n.label()).append(unit(n.unit())).append(": ").append(n.reason()).append("\n");
                    for (MetricSeries.Point p : n.points()) {
                        point(p, n.unit(), lines, out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void series(MetricSeries s, Figures figures, Map<String, String> lines, Appendable out) throws IOException {
        out.append("\n").append(s.name()).append(unit(s.unit())).append(": ")
                .append(s.definition().isPresent() ? "defined in metrics.yaml" : "found automatically")
                .append(", ").append(String.valueOf(s.points().size())).append(s.points().size() == 1 ? " report" : " reports");
        s.latest().ifPresent(last -> {
            if (!figures.isCurrent(s)) {
                append(out, ", last " + last.date());
            }
        });
        out.append("\n");
        for (MetricSeries.Point p : s.points()) {
            point(p, s.unit(), lines, out);
        }
    }

    private static void point(MetricSeries.Point p, String unit, Map<String, String> lines, Appendable out) throws IOException {
        String text = lines.getOrDefault(p.location(), "");
        if (text.length() > EXCERPT) {
            text = text.substring(0, EXCERPT - 1) + "…";
        }
        out.append("  ").append(p.date().toString()).append("  ").append(Metric.plain(p.value())).append(unit)
                .append("  ").append(p.location()).append("  ").append(text).append("\n");
    }

    private static String unit(String unit) {
        return unit.isEmpty() ? "" : " (" + unit + ")";
    }

    private static void append(Appendable out, String text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every line a value was read from, by {@code path:line}. */
    private static Map<String, String> sourceLines(Figures figures) {
        Map<String, String> wanted = new HashMap<>();
        figures.series().forEach(s -> s.points().forEach(p -> wanted.put(p.location(), "")));
        figures.unseries().forEach(n -> n.points().forEach(p -> wanted.put(p.location(), "")));
        for (Figures.WeekFigures w : figures.weeks()) {
            Report report = w.week().report();
            for (SourceLine line : report.lines()) {
                wanted.computeIfPresent(report.source() + ":" + line.line(), (k, v) -> line.text().strip());
            }
            for (TableRow row : report.tableRows()) {
                wanted.computeIfPresent(report.source() + ":" + row.line(), (k, v) -> "| " + String.join(" | ", row.cells()) + " |");
            }
        }
        return wanted;
    }
}
