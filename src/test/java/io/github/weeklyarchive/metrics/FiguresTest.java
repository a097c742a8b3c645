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

    /** serve keeps what each unchanged report stated: an edit extracts one report, and the figures are those of a fresh run. */
    @Test
    void keptExtractionsGiveTheFiguresOfAFreshRunAndExtractOnlyWhatChanged() {
        Figures.Extractions kept = Figures.Extractions.keeping();
        kept.dependOn("yaml", WEEKS);
        Figures first = Figures.of(Archive.assemble(WEEKS, false).archive(), CONFIG, kept);
        assertEquals(3, kept.extractedCount());

        List<Report> edited = List.of(WEEKS.get(0), WEEKS.get(1), week("2023-02-24", "## 系统运行数据\n\n- 入金有效成功率：99.91%\n- 告警数：6次\n"));
        kept.dependOn("yaml", edited);
        Figures second = Figures.of(Archive.assemble(edited, false).archive(), CONFIG, kept);
        assertEquals(4, kept.extractedCount(), "only the edited report again");
        Figures fresh = Figures.of(Archive.assemble(edited, false).archive(), CONFIG);
        assertEquals(fresh.series(), second.series());
        assertEquals(fresh.incidents(), second.incidents());
        assertEquals(fresh.problems(), second.problems());
        assertEquals(List.of(99.90, 99.97, 99.91), named(second, "入金有效成功率").points().stream().map(MetricSeries.Point::value).toList());

        kept.dependOn("yaml, changed", edited);
        Figures.of(Archive.assemble(edited, false).archive(), CONFIG, kept);
        assertEquals(7, kept.extractedCount(), "another metrics.yaml: everything again");
        assertEquals(first.series().size(), Figures.of(Archive.assemble(WEEKS, false).archive(), CONFIG).series().size());
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

    private static Figures figures(String... dateThenBody) {
        List<Report> reports = new java.util.ArrayList<>();
        for (int i = 0; i < dateThenBody.length; i += 2) {
            reports.add(week(dateThenBody[i], dateThenBody[i + 1]));
        }
        return Figures.of(Archive.assemble(reports, false).archive(), MetricsConfig.defaults());
    }

    private static List<String> names(Figures figures) {
        return figures.series().stream().map(MetricSeries::name).toList();
    }

    @Test
    void aLabelInTwoReportsThatDoNotFollowEachOtherIsNotASeries() {
        Figures figures = figures("2023-02-10", "- 告警数：3次\n", "2023-02-17", "- 入金成功率：99.9%\n", "2023-02-24", "- 告警数：5次\n- 入金成功率：99.8%\n");
        assertEquals(List.of("入金成功率"), names(figures));
        assertEquals("告警数", figures.unseries().get(0).label());
        assertEquals("not stated in 2 reports in a row", figures.unseries().get(0).reason());
    }

    @Test
    void aRecurringRateIsASeriesButYearsIssueNumbersAndVersionsAreNot() {
        Figures figures = figures(
                "2023-02-10", "| 指标 | 本周 |\n| --- | --- |\n| 统计口径 | 2021 |\n\n- 周刊编号：101\n- 客户端：1.76\n- 入金成功率：99.9%\n",
                "2023-02-17", "| 指标 | 本周 |\n| --- | --- |\n| 统计口径 | 2022 |\n\n- 周刊编号：102\n- 客户端：1.77\n- 入金成功率：99.7%\n",
                "2023-02-24", "| 指标 | 本周 |\n| --- | --- |\n| 统计口径 | 2023 |\n\n- 周刊编号：103\n- 客户端：1.77\n- 入金成功率：99.8%\n");
        assertEquals(List.of("入金成功率"), names(figures));
        assertEquals(List.of("周刊编号: rises by one a report: an issue or sequence number", "客户端: version numbers"),
                figures.unseries().stream().map(n -> n.label() + ": " + n.reason()).toList());
        assertTrue(figures.weeks().stream().flatMap(w -> w.metrics().stream()).noneMatch(m -> m.label().equals("统计口径")),
                "a year is not even a value (SeriesRulesTest covers years that would get this far)");
    }

    @Test
    void oneLabelWithTwoUnitsIsTwoSeries() {
        Figures figures = figures("2023-02-10", "- 完成：3个\n\n## 其他\n\n- 完成：40%\n", "2023-02-17", "- 完成：5个\n\n## 其他\n\n- 完成：60%\n");
        assertEquals(List.of("完成（%）", "完成（个）"), names(figures));
    }

    /** rustc-perf's weekly triage logs: one label under two headings, told apart in the label's own script. */
    @Test
    void anEnglishLabelUnderTwoHeadingsIsQualifiedInAsciiBrackets() {
        String week = "## Regressions\n\n- Average relevant regression: %s%%\n\n## Mixed\n\n- Average relevant regression: %s%%\n";
        Figures figures = figures("2023-02-10", week.formatted("1.5", "0.7"), "2023-02-17", week.formatted("2.1", "0.4"));
        assertEquals(List.of("Average relevant regression (Mixed)", "Average relevant regression (Regressions)"), names(figures));
    }

    @Test
    void englishLabelsAreOneSeriesWhateverTheirCaseOrNumber() {
        Figures figures = figures("2023-02-10", "1 Regression, 2 Improvements\n", "2023-02-17", "3 Regressions, 0 Improvements\n",
                "2023-02-24", "0 Regressions, 1 Improvement\n");
        assertEquals(List.of("Improvements", "Regressions"), names(figures));
        assertEquals(List.of(1.0, 3.0, 0.0), figures.series().get(1).points().stream().map(MetricSeries.Point::value).toList());
    }

    @Test
    void whenTheLatestReportStatesNoNumbersTheLastOnesStatedAreCurrent() {
        // pingcap's archive: weekly reports with PR counts, then a year of monthly digests with none.
        Figures figures = figures(
                "2020-04-27", "- 告警数：6次\n- 旧指标：2个\n",
                "2020-05-04", "- 告警数：7次\n- 旧指标：3个\n",
                "2020-05-11", "- 告警数：9次\n",
                "2020-06-01", "本月无数据。\n",
                "2020-07-01", "本月也无数据。\n");
        assertEquals(LocalDate.of(2020, 5, 11), figures.numbersWeek().orElseThrow().report().date());
        assertTrue(figures.isCurrent(named(figures, "告警数")));
        assertEquals(List.of(named(figures, "旧指标")), figures.stopped());
    }

    @Test
    void onlyTheLatestReportsNumbersAreCurrentAndStoppedSeriesAreApart() {
        Figures figures = figures(
                "2023-02-03", "- 告警数：7次\n- 旧指标：3个\n",
                "2023-02-10", "- 告警数：9次\n- 旧指标：4个\n",
                "2023-02-17", "- 入金成功率：99.9%\n",
                "2023-02-24", "- 告警数：4次\n- 入金成功率：99.8%\n");
        MetricSeries alerts = named(figures, "告警数");
        MetricSeries old = named(figures, "旧指标");
        assertTrue(figures.isCurrent(alerts));
        assertFalse(figures.isCurrent(old));
        assertEquals(List.of(old), figures.stopped());
        assertEquals(-5.0, alerts.change().orElseThrow(), "against the previous report that has it");
        assertEquals(Optional.of(LocalDate.of(2023, 2, 10)), figures.changeSince(alerts), "which is not the report just before");
        assertEquals(Optional.empty(), figures.changeSince(named(figures, "入金成功率")), "which is the report just before");
    }

    @Test
    void aBucketHeadingIsNotAProjectAndOneProjectUnderTwoNamesIsOne() {
        Figures figures = figures(
                "2023-02-17", "## O2系统升级\n\n### C. HIVE标准数仓建设\n\n- Hive数仓建设总进度：45%\n- 采集和建模进度：70%\n\n"
                        + "## 项目进展\n\n- 支付网关重构：进度 20%\n",
                "2023-02-24", "## O2系统升级\n\n- Hive数仓建设总进度：\n  - 采集和建模进度：78.5%\n- Hive数仓建设总进度：47.96%\n\n"
                        + "## 项目进展\n\n- 支付网关重构：进度 30%\n");
        assertEquals(List.of("HIVE标准数仓建设", "支付网关重构"), figures.projects().stream().map(Figures.Project::name).toList());
        assertEquals(List.of("Hive数仓建设总进度", "采集和建模进度"),
                figures.projects().get(0).progress().stream().map(MetricSeries::name).sorted().toList());
        assertEquals(47.96, named(figures, "Hive数仓建设总进度").latest().orElseThrow().value());
    }
}
