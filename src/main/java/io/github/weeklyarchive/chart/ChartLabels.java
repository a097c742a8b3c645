package io.github.weeklyarchive.chart;

/**
 * The words charts draw, in the site's language (from its message bundle).
 *
 * @param target       a metric's target line, with {@code {0}} for the target ({@code 目标 >= 99.95})
 * @param ungraded     the bar of incidents without a grade
 * @param incidentAxis the unit of the incident chart's axis
 */
public record ChartLabels(String target, String ungraded, String incidentAxis) {

    /** Chinese, as the built-in bundle says: for tests and tools that draw without a site. */
    public static final ChartLabels CHINESE = new ChartLabels("目标 {0}", "未分级", "次");
}
