package io.github.weeklyarchive.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One metric followed over the weeks.
 *
 * @param id         ASCII name of its page and chart files ({@code metrics/ID.html}), stable across builds
 * @param name       what readers see: the defined name, or the label as written
 * @param section    where it is written in the reports (the latest week's section)
 * @param definition the user's definition from {@code metrics.yaml}, if any
 * @param points     one per week that states it, oldest first
 */
public record MetricSeries(String id, String name, String unit, String section, Optional<MetricsConfig.Definition> definition,
                           List<Point> points) {

    public MetricSeries {
        points = List.copyOf(points);
    }

    /** The value a week gave. */
    public record Point(LocalDate date, String week, String weekUri, double value, Optional<Double> delta,
                        Optional<String> qualifier, String location) {
    }

    public Optional<Point> latest() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }

    public Optional<Point> previous() {
        return points.size() < 2 ? Optional.empty() : Optional.of(points.get(points.size() - 2));
    }

    /** Latest minus previous value: the change against the week before that stated it. */
    public Optional<Double> change() {
        return latest().flatMap(last -> previous().map(before -> last.value() - before.value()));
    }

    public Optional<MetricsConfig.Target> target() {
        return definition.flatMap(MetricsConfig.Definition::target);
    }

    /** Whether the latest value misses its target. */
    public boolean targetMissed() {
        return target().isPresent() && latest().isPresent() && !target().get().isMet(latest().get().value());
    }

    /** +1 when a rise is good, -1 when a fall is good, 0 when it is not known. */
    public int goodDirection() {
        Optional<String> better = definition.flatMap(MetricsConfig.Definition::better);
        if (better.isPresent()) {
            return better.get().equals("higher") ? 1 : -1;
        }
        if (name.contains("率") || name.contains("可用性") || name.contains("进度") || name.contains("完成")) {
            return 1;
        }
        if (name.contains("事故") || name.contains("故障") || name.contains("告警") || name.contains("存量") || name.contains("耗时")) {
            return -1;
        }
        return 0;
    }
}
