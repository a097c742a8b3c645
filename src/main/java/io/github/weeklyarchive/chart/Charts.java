package io.github.weeklyarchive.chart;

import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.metrics.MetricSeries;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** The site's charts, built with JFreeChart: one per metric, sparklines, incidents per week, progress per project. */
public final class Charts {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Charts() {
    }

    /** A metric over time, with its target as a dashed line. */
    public static JFreeChart metric(MetricSeries series, ChartTheme theme, ChartLabels labels) {
        TimeSeries line = new TimeSeries(series.name());
        thinned(series.points(), MAX_POINTS).forEach(p -> line.addOrUpdate(day(p.date()), p.value()));
        XYPlot plot = timePlot(new TimeSeriesCollection(line, UTC), theme, series.unit());
        XYLineAndShapeRenderer renderer = lineRenderer(theme, 1, series.points().size() <= 60);
        plot.setRenderer(renderer);
        series.target().ifPresent(target -> {
            ValueMarker marker = new ValueMarker(target.value(), theme.target(),
                    new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel(labels.target().replace("{0}", target.toString()));
            marker.setLabelFont(ChartFonts.font(Font.PLAIN, 12));
            marker.setLabelPaint(theme.target());
            marker.setLabelBackgroundColor(new java.awt.Color(0, 0, 0, 0));
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(marker);
            includeInRange((NumberAxis) plot.getRangeAxis(), target.value());
        });
        return chart(plot, theme, false);
    }

    /**
     * A chart 760 pixels wide cannot show more points than it has columns; beyond ten years of weeks,
     * every k-th week is drawn (and always the latest), which keeps a long archive's SVG small.
     */
    static final int MAX_POINTS = 520;

    static <T> List<T> thinned(List<T> points, int max) {
        if (points.size() <= max) {
            return points;
        }
        int step = (int) Math.ceil(points.size() / (double) max);
        List<T> kept = new java.util.ArrayList<>();
        for (int i = (points.size() - 1) % step; i < points.size(); i += step) {
            kept.add(points.get(i));
        }
        return kept;
    }

    /** A small line with no axes, for the dashboard. */
    public static JFreeChart sparkline(MetricSeries series, ChartTheme theme) {
        TimeSeries line = new TimeSeries(series.name());
        List<MetricSeries.Point> recent = series.points().subList(Math.max(0, series.points().size() - 26), series.points().size());
        recent.forEach(p -> line.addOrUpdate(day(p.date()), p.value()));
        XYPlot plot = timePlot(new TimeSeriesCollection(line, UTC), theme, "");
        plot.getDomainAxis().setVisible(false);
        plot.getRangeAxis().setVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(3, 3, 3, 3));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        XYLineAndShapeRenderer renderer = lineRenderer(theme, 1, false);
        renderer.setSeriesStroke(0, new BasicStroke(1.6f));
        plot.setRenderer(renderer);
        return chart(plot, theme, false);
    }

    /** Several progress lines of one project, 0 to 100%. */
    public static JFreeChart progress(Figures.Project project, ChartTheme theme) {
        TimeSeriesCollection data = new TimeSeriesCollection(UTC);
        for (MetricSeries s : project.progress()) {
            TimeSeries line = new TimeSeries(s.name());
            thinned(s.points(), MAX_POINTS).forEach(p -> line.addOrUpdate(day(p.date()), p.value()));
            data.addSeries(line);
        }
        XYPlot plot = timePlot(data, theme, "%");
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        plot.setRenderer(lineRenderer(theme, project.progress().size(), true));
        return chart(plot, theme, project.progress().size() > 1);
    }

    /** Incidents per reported week, stacked by grade; weeks that did not report are left empty. */
    public static JFreeChart incidents(List<Figures.WeekFigures> weeks, ChartTheme theme, ChartLabels labels) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Figures.WeekFigures> recent = weeks.subList(Math.max(0, weeks.size() - 52), weeks.size());
        Map<String, String> grades = new LinkedHashMap<>();
        recent.forEach(w -> w.incidents().incidents().forEach(i -> grades.put(i.grade().orElse(labels.ungraded()), "")));
        if (grades.isEmpty()) {
            grades.put(labels.ungraded(), "");
        }
        for (Figures.WeekFigures w : recent) {
            String column = w.week().report().date().toString().substring(2);
            for (String grade : grades.keySet()) {
                long count = w.incidents().incidents().stream().filter(i -> i.grade().orElse(labels.ungraded()).equals(grade)).count();
                data.addValue(w.incidents().reported() ? (Number) count : null, grade, column);
            }
        }
        CategoryAxis x = new CategoryAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis y = new NumberAxis(labels.incidentAxis());
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.06);
        int i = 0;
        for (String grade : grades.keySet()) {
            renderer.setSeriesPaint(i, theme.seriesColor(i == 0 ? 4 : i));
            i++;
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        styleAxes(plot.getDomainAxis(), theme);
        styleAxes(plot.getRangeAxis(), theme);
        plot.setBackgroundPaint(theme.background());
        plot.setRangeGridlinePaint(theme.grid());
        plot.setOutlineVisible(false);
        return chart(plot, theme, grades.size() > 1);
    }

    private static XYPlot timePlot(TimeSeriesCollection data, ChartTheme theme, String unit) {
        // Dates are days without a zone: drawn in UTC, a chart is the same on every build machine.
        DateAxis x = new DateAxis(null, UTC, Locale.ROOT);
        // Short spans are labelled by day, long ones by month, at most about eight labels either way.
        double days = data.getSeriesCount() == 0 ? 0 : (data.getDomainUpperBound(false) - data.getDomainLowerBound(false)) / 86_400_000d;
        boolean byDay = days <= 180;
        SimpleDateFormat format = new SimpleDateFormat(byDay ? "MM-dd" : "yyyy-MM");
        format.setTimeZone(UTC);
        x.setDateFormatOverride(format);
        if (byDay) {
            x.setTickUnit(new DateTickUnit(DateTickUnitType.DAY, Math.max(7, (int) Math.ceil(days / 8 / 7) * 7)));
        } else {
            x.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, Math.max(1, (int) Math.ceil(days / 30.4 / 8))));
        }
        NumberAxis y = new NumberAxis(unit.isEmpty() ? null : unit);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, null);
        styleAxes(x, theme);
        styleAxes(y, theme);
        plot.setBackgroundPaint(theme.background());
        plot.setDomainGridlinePaint(theme.grid());
        plot.setRangeGridlinePaint(theme.grid());
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        return plot;
    }

    private static XYLineAndShapeRenderer lineRenderer(ChartTheme theme, int count, boolean dots) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, dots);
        for (int i = 0; i < count; i++) {
            renderer.setSeriesPaint(i, count == 1 ? theme.line() : theme.seriesColor(i));
            renderer.setSeriesStroke(i, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        return renderer;
    }

    private static void styleAxes(org.jfree.chart.axis.Axis axis, ChartTheme theme) {
        axis.setTickLabelFont(ChartFonts.font(Font.PLAIN, 12));
        axis.setLabelFont(ChartFonts.font(Font.PLAIN, 12));
        axis.setTickLabelPaint(theme.text());
        axis.setLabelPaint(theme.text());
        axis.setAxisLinePaint(theme.grid());
        axis.setTickMarkPaint(theme.grid());
    }

    private static JFreeChart chart(org.jfree.chart.plot.Plot plot, ChartTheme theme, boolean legend) {
        JFreeChart chart = new JFreeChart(null, ChartFonts.font(Font.BOLD, 14), plot, legend);
        chart.setBackgroundPaint(theme.background());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (legend) {
            LegendTitle title = chart.getLegend();
            title.setItemFont(ChartFonts.font(Font.PLAIN, 12));
            title.setItemPaint(theme.text());
            title.setBackgroundPaint(theme.background());
            title.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            title.setPosition(RectangleEdge.TOP);
        }
        return chart;
    }

    private static void includeInRange(NumberAxis axis, double value) {
        axis.setAutoRangeIncludesZero(false);
        org.jfree.data.Range range = axis.getRange();
        if (value < range.getLowerBound() || value > range.getUpperBound()) {
            double low = Math.min(range.getLowerBound(), value);
            double high = Math.max(range.getUpperBound(), value);
            double pad = (high - low) * 0.08 + 1e-9;
            axis.setRange(low - pad, high + pad);
        }
    }

    private static Day day(LocalDate date) {
        return new Day(java.util.Date.from(date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()), UTC, Locale.ROOT);
    }
}
