package io.github.weeklyarchive.chart;

import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.metrics.MetricSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;

/**
 * Every chart of a site as files under {@code charts/}: each metric, its sparkline, each project's
 * progress and the incident count, in a light and a dark SVG (text kept as text), and a PNG of each
 * named metric for link previews. The names here are the only place chart addresses are made.
 */
public final class ChartFiles {

    static final int CHART_WIDTH = 760;
    static final int CHART_HEIGHT = 300;
    static final int SPARK_WIDTH = 150;
    static final int SPARK_HEIGHT = 40;

    private ChartFiles() {
    }

    public static String light(String name) {
        return "charts/" + name + ".light.svg";
    }

    public static String dark(String name) {
        return "charts/" + name + ".dark.svg";
    }

    public static String png(String name) {
        return "charts/" + name + ".png";
    }

    /** The site-relative paths {@link #write} writes, for checking links without drawing. */
    public static List<String> paths(Figures figures) {
        List<String> paths = new ArrayList<>();
        for (String name : names(figures)) {
            paths.add(light(name));
            paths.add(dark(name));
        }
        figures.series().stream().filter(s -> s.definition().isPresent()).forEach(s -> paths.add(png(s.id())));
        return paths;
    }

    private static List<String> names(Figures figures) {
        List<String> names = new ArrayList<>();
        for (MetricSeries s : figures.series()) {
            names.add(s.id());
            names.add("spark-" + s.id());
        }
        figures.projects().forEach(p -> names.add("project-" + p.id()));
        names.add("incidents");
        return names;
    }

    /**
     * One chart: its name, its files, and what it is drawn from besides its labels (every value its drawing
     * reads), so that a build cache can tell a chart that would come out the same from one that changed.
     */
    public record Drawing(String name, List<String> files, List<Object> drawnFrom) {
        public Drawing {
            files = List.copyOf(files);
        }
    }

    /** Every chart {@link #write} draws, in no particular order. */
    public static List<Drawing> drawings(Figures figures) {
        List<Drawing> drawings = new ArrayList<>();
        for (MetricSeries s : figures.series()) {
            List<String> files = new ArrayList<>(List.of(light(s.id()), dark(s.id())));
            if (s.definition().isPresent()) {
                files.add(png(s.id()));
            }
            drawings.add(new Drawing(s.id(), files, List.of(s)));
            drawings.add(new Drawing("spark-" + s.id(), List.of(light("spark-" + s.id()), dark("spark-" + s.id())), List.of(s)));
        }
        figures.projects().forEach(p -> drawings.add(new Drawing("project-" + p.id(),
                List.of(light("project-" + p.id()), dark("project-" + p.id())), List.of(p))));
        // The incident chart shows the last 52 weeks: their dates and incidents (see Charts.incidents).
        List<Object> recent = new ArrayList<>();
        List<Figures.WeekFigures> weeks = figures.weeks();
        weeks.subList(Math.max(0, weeks.size() - 52), weeks.size())
                .forEach(w -> recent.add(List.of(w.week().report().date(), w.incidents())));
        drawings.add(new Drawing("incidents", List.of(light("incidents"), dark("incidents")), recent));
        return drawings;
    }

    /** Draws every chart into {@code site} (the site's root folder), with its words in {@code labels}. */
    public static void write(Figures figures, ChartLabels labels, Path site) {
        write(figures, labels, site, name -> true);
    }

    /** As {@link #write(Figures, ChartLabels, Path)}, only the charts whose {@link Drawing#name} is {@code wanted}. */
    public static void write(Figures figures, ChartLabels labels, Path site, java.util.function.Predicate<String> wanted) {
        figures.series().parallelStream().forEach(s -> {
            if (!wanted.test(s.id())) {
                if (wanted.test("spark-" + s.id())) {
                    writeBoth(t -> Charts.sparkline(s, t), SPARK_WIDTH, SPARK_HEIGHT, true, site, "spark-" + s.id());
                }
                return;
            }
            writeBoth(t -> Charts.metric(s, t, labels), CHART_WIDTH, CHART_HEIGHT, false, site, s.id());
            // A sparkline fills whatever box its card gives it, so it may stretch.
            if (wanted.test("spark-" + s.id())) {
                writeBoth(t -> Charts.sparkline(s, t), SPARK_WIDTH, SPARK_HEIGHT, true, site, "spark-" + s.id());
            }
            if (s.definition().isPresent()) { // link previews for the metrics a team named; the rest are too many to draw twice
                try {
                    ChartWriter.writePng(Charts.metric(s, ChartTheme.PRINT, labels), CHART_WIDTH, CHART_HEIGHT, site.resolve(png(s.id())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        figures.projects().parallelStream().filter(p -> wanted.test("project-" + p.id())).forEach(p ->
                writeBoth(t -> Charts.progress(p, t), CHART_WIDTH, CHART_HEIGHT, false, site, "project-" + p.id()));
        if (wanted.test("incidents")) {
            writeBoth(t -> Charts.incidents(figures.weeks(), t, labels), CHART_WIDTH, CHART_HEIGHT, false, site, "incidents");
        }
    }

    private static void writeBoth(Function<ChartTheme, JFreeChart> chart, int width, int height, boolean stretch, Path site, String name) {
        try {
            ChartWriter.writeSvg(chart.apply(ChartTheme.LIGHT), width, height, stretch, site.resolve(light(name)));
            ChartWriter.writeSvg(chart.apply(ChartTheme.DARK), width, height, stretch, site.resolve(dark(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
