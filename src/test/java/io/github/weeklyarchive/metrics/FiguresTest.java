package io.github.weeklyarchive.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static Report week(String date, String body) {
        return ReportParser.parse("content/" + date + ".md", "# 周报 " + date + "\n\n" + body).report().orElseThrow();
    }

    private static final List<Report> WEEKS = List.of(
            week("2023-02-10", "## 系统运行数据\n\n- 入金成功率：99.90%\n- 告警数：7次\n- 一次性数字：5个\n\n## C. Hive数仓\n\n- 总进度：40%\n\n## 生产稳定性事件\n\n- 2/8 10:00 网关超时\n原因：配置错误\n"),
            week("2023-02-17", "## 系统运行数据\n\n- 入金有效成功率：99.97%\n- 告警数：9次\n\n## C. Hive数仓\n\n- 总进度：45%\n\n## 生产稳定性事件\n\n- 本周无\n"),
            week("2023-02-24", "## 系统运行数据\n\n- 入金有效成功率：99.98%\n- 告警数：4次\n\n## C. Hive数仓\n\n- 总进度：47.96%\n"));

    private static final MetricsConfig CONFIG = MetricsConfig.parse("metrics.yaml", """
            metrics:
              - name: 入金有效成功率
                id: deposit-success
                aliases: [入金成功率]
                target: '>= 99.95'
            """).config();

    private static MetricSeries named(Figures figures, String name) {
        return figures.series().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aDefinedMetricJoinsItsAliasesAndKnowsItsTarget() {
        Figures figures = Figures.of(Archive.assemble(WEEKS, false).archive(), CONFIG);
        MetricSeries deposit = figures.series().get(0);
        assertEquals("deposit-success", deposit.id());
        assertEquals(List.of(99.90, 99.97, 99.98), deposit.points().stream().map(MetricSeries.Point::value).toList());
        assertEquals(0.01, deposit.change().orElseThrow(), 1e-9);
        assertFalse(deposit.targetMissed());
        assertEquals("2023/2023-02-24.html", deposit.latest().orElseThrow().weekUri());
        assertEquals("content/2023-02-24.md:5", deposit.latest().orElseThrow().location());
    }

    @Test
    void anAutomaticLabelBecomesASeriesOnlyFromTwoWeeks() {
        Figures figures = Figures.of(Archive.assemble(WEEKS, false).archive(), CONFIG);
        MetricSeries alerts = named(figures, "告警数");
        assertEquals(List.of(7.0, 9.0, 4.0), alerts.points().stream().map(MetricSeries.Point::value).toList());
        assertEquals(-5.0, alerts.change().orElseThrow());
        assertEquals(-1, alerts.goodDirection(), "fewer alerts is better");
        assertTrue(figures.series().stream().noneMatch(s -> s.name().equals("一次性数字")));
        assertTrue(alerts.id().matches("m[0-9a-f]{10}"), alerts.id());
    }

    @Test
    void progressIsGroupedUnderItsHeadingAsAProject() {
        Figures figures = Figures.of(Archive.assemble(WEEKS, false).archive(), CONFIG);
        assertEquals(1, figures.projects().size());
        Figures.Project hive = figures.projects().get(0);
        assertEquals("Hive数仓", hive.name());
        assertEquals(List.of("总进度"), hive.progress().stream().map(MetricSeries::name).toList());
        assertEquals(47.96, hive.progress().get(0).latest().orElseThrow().value());
    }

    @Test
    void theIncidentLogKnowsWeeksWithoutIncidentsFromWeeksThatDidNotSay() {
        Figures figures = Figures.of(Archive.assemble(WEEKS, false).archive(), CONFIG);
        assertEquals(1, figures.incidents().size());
        assertEquals(LocalDate.of(2023, 2, 8), figures.incidents().get(0).incident().date());
        assertEquals("配置错误", figures.incidents().get(0).incident().cause());
        assertEquals(List.of(true, true, false), figures.weeks().stream().map(w -> w.incidents().reported()).toList());
        assertEquals(Optional.of("2023/2023-02-10.html"), Optional.of(figures.incidents().get(0).week().uri()));
    }

    @Test
    void aMissedTargetIsFlagged() {
        MetricsConfig strict = MetricsConfig.parse("metrics.yaml", "metrics:\n  - name: 入金有效成功率\n    target: '>= 99.99'\n").config();
        MetricSeries deposit = Figures.of(Archive.assemble(WEEKS, false).archive(), strict).series().get(0);
        assertTrue(deposit.targetMissed());
        assertEquals(2, deposit.points().size(), "without the alias, 入金成功率 is not the same metric");
    }
}
