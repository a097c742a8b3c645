package io.github.weeklyarchive.metrics;

import java.util.Optional;

/**
 * A number written in a report, with what it measures and where it was written.
 *
 * @param label     what the number measures, as written before it ({@code 入金有效成功率})
 * @param section   the section path it sits under ({@code 系统运行数据 / 成功率})
 * @param value     the number itself, never its delta or qualifier
 * @param unit      as written after the number ({@code %}, {@code 次}, {@code 单}); empty if none
 * @param delta     a change written beside it ({@code 较上周减少12单} is -12)
 * @param qualifier what else qualifies the value: {@code +} for "80%+", the ratio {@code 69/84},
 *                  or the bracketed note before a colon ({@code 16个业务域})
 * @param project   the heading it sits under, which names the project a progress figure belongs to
 * @param source    the report's path
 * @param line      the line it was written on
 */
public record Metric(String label, String section, double value, String unit, Optional<Double> delta,
                     Optional<String> qualifier, String project, String source, int line) {

    /** {@code content/2023/w09.md:13}: where to look, as written to metrics.csv. */
    public String location() {
        return source + ":" + line;
    }

    /** A progress figure: a percentage of something being built, as projects report it. */
    public boolean isProgress() {
        return "%".equals(unit) && (label.contains("进度") || label.contains("进展") || label.contains("完成") || label.contains("占比"));
    }

    /** A number as a person writes it: {@code 99.98}, {@code 236} (not {@code 236.0}, nor {@code 1.0E-5}). */
    public static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A rate or availability, which cannot exceed 100%. */
    public boolean isRate() {
        return "%".equals(unit) && (label.endsWith("率") || label.contains("可用性"));
    }
}
