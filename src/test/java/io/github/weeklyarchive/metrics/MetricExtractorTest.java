package io.github.weeklyarchive.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.ParsedReport;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricExtractorTest {

    static Report sample() throws Exception {
        return ReportParser.parse("content/2023/2023-02-24-week09.md", io.github.weeklyarchive.testing.Sample.bytes())
                .report().orElseThrow();
    }

    static Report report(String body) {
        ParsedReport parsed = ReportParser.parse("content/w.md", "# 第09周 2023-02-24\n\n" + body);
        return parsed.report().orElseThrow(() -> new AssertionError(parsed.problems().toString()));
    }

    static List<Metric> metrics(String body) {
        return MetricExtractor.extract(report(body), MetricsConfig.defaults()).metrics();
    }

    /** line|label|value|unit|section|delta|qualifier, as a reader would write each one down. */
    private static String row(Metric m) {
        return m.line() + "|" + m.label() + "|" + Metric.plain(m.value()) + "|" + m.unit() + "|" + m.section() + "|"
                + m.delta().map(Metric::plain).orElse("") + "|" + m.qualifier().orElse("");
    }

    /**
     * Every number of the sample report that is a metric, and nothing else (no dates, times, versions or incident counts).
     * Lines 73 and 77 ({@code 进度均为85%的2个}, {@code 进度为60%的2个}) count reports at a progress level: the 85% runs on
     * into {@code 的2个}, so it is not the value of a label, and neither is the 2. Line 81's {@code 进度均为90%} is the
     * progress {@code 进度}: the copula {@code 均为} is not part of the name.
     */
    @Test
    void everyNumberOfTheSampleReport() throws Exception {
        MetricExtractor.Extraction extraction = MetricExtractor.extract(sample(), MetricsConfig.defaults());
        assertEquals(List.of(), extraction.problems());
        assertEquals(List.of(
            "13|入金有效成功率|99.98|%|系统运行数据 / 成功率||",
            "14|出金有效成功率|99.95|%|系统运行数据 / 成功率||",
            "18|支付系统年度可用性|100|%|系统运行数据 / 可用性||",
            "19|事故数AB级|0|次|系统运行数据 / 可用性||",
            "19|事故数CD级|0|次|系统运行数据 / 可用性||",
            "24|前端解决方案研发进度|30|%|O1 服务业务||",
            "47|存量单|236|单|O2系统升级 / A. 支付账户2.0升级 / 本周主要进展 / 账户1.x链路迁移 / 交易记账类|-12|",
            "47|存量单|65|单|O2系统升级 / A. 支付账户2.0升级 / 本周主要进展 / 账户1.x链路迁移 / 交易记账类 / 还款宝退款|-2|",
            "48|存量|6000|单|O2系统升级 / A. 支付账户2.0升级 / 本周主要进展 / 账户1.x链路迁移 / 交易记账类||+",
            "49|任务完成占比|83|%|O2系统升级 / A. 支付账户2.0升级 / 本周主要进展 / 账户1.x链路迁移 / 查询管理类||69/84",
            "53|过检准备整体进度|75|%|O2系统升级 / B. POS收单系统建设||",
            "53|过检点自测验证进度|80|%|O2系统升级 / B. POS收单系统建设||",
            "57|Hive数仓建设总进度|47.96|%|O2系统升级 / C. HIVE标准数仓建设||",
            "57|采集和建模进度|78.5|%|O2系统升级 / C. HIVE标准数仓建设||16个业务域",
            "57|迁移进度|37.78|%|O2系统升级 / C. HIVE标准数仓建设||总数164个",
            "59|总计|12|个|O2系统升级 / C. HIVE标准数仓建设 / TOB商户账单||",
            "61|可下线|3|个|O2系统升级 / C. HIVE标准数仓建设 / TOB商户账单||",
            "61|交易对账单进度|85|%|O2系统升级 / C. HIVE标准数仓建设 / TOB商户账单||",
            "61|账户对账单进度|45|%|O2系统升级 / C. HIVE标准数仓建设 / TOB商户账单||",
            "61|安心退业务对账单进度|15|%|O2系统升级 / C. HIVE标准数仓建设 / TOB商户账单||",
            "61|安心退账户对账单进度|15|%|O2系统升级 / C. HIVE标准数仓建设 / TOB商户账单||",
            "61|自如寓对账单|70|%|O2系统升级 / C. HIVE标准数仓建设 / TOB商户账单||",
            "61|手续费对账单|80|%|O2系统升级 / C. HIVE标准数仓建设 / TOB商户账单||",
            "63|总计|37|个|O2系统升级 / C. HIVE标准数仓建设 / 风控报表||",
            "65|取消迁移|1|个|O2系统升级 / C. HIVE标准数仓建设 / 风控报表||",
            "65|完成|1|个|O2系统升级 / C. HIVE标准数仓建设 / 风控报表||",
            "65|推进中|19|个|O2系统升级 / C. HIVE标准数仓建设 / 风控报表||",
            "67|总计|27|个|O2系统升级 / C. HIVE标准数仓建设 / 产品运营报表||",
            "69|可下线|9|个|O2系统升级 / C. HIVE标准数仓建设 / 产品运营报表||",
            "69|处理中|8|个|O2系统升级 / C. HIVE标准数仓建设 / 产品运营报表||",
            "71|总计|32|个|O2系统升级 / C. HIVE标准数仓建设 / 存管报表||",
            "73|可下线|11|个|O2系统升级 / C. HIVE标准数仓建设 / 存管报表||",
            "73|处理中|4|个|O2系统升级 / C. HIVE标准数仓建设 / 存管报表||",
            "75|总数|54|个|O2系统升级 / C. HIVE标准数仓建设 / 资金部报表||",
            "77|可下线|13|个|O2系统升级 / C. HIVE标准数仓建设 / 资金部报表||",
            "77|处理中|2|个|O2系统升级 / C. HIVE标准数仓建设 / 资金部报表||",
            "79|总数|3|个|O2系统升级 / C. HIVE标准数仓建设 / 业务增长报表||",
            "81|可下线|1|个|O2系统升级 / C. HIVE标准数仓建设 / 业务增长报表||",
            "81|处理中|2|个|O2系统升级 / C. HIVE标准数仓建设 / 业务增长报表||",
            "81|进度|90|%|O2系统升级 / C. HIVE标准数仓建设 / 业务增长报表||",
            "86|确权完成|100|%|O2系统升级 / D. 数据安全与个人信息保护||",
            "86|敏感数据加密改造进展|80|%|O2系统升级 / D. 数据安全与个人信息保护||+",
            "91|主备专线切换耗时|12|秒|O3 安全稳定、降本提效||",
            "92|当前启动应用|85|个|O3 安全稳定、降本提效||"
        ), extraction.metrics().stream().map(MetricExtractorTest::row).toList());
    }

    @Test
    void colonsFullWidthDigitsAndPercentSignsAreNormalised() {
        assertEquals(List.of("3|入金有效成功率|99.98|%|||", "4|出金有效成功率|99.95|%|||", "5|时延|120|ms|||"),
                metrics("- 入金有效成功率：９９.９８％\n- 出金有效成功率:99.95%\n- 时延 120ms\n").stream().map(MetricExtractorTest::row).toList());
    }

    @Test
    void aValueWithoutUnitCountsOnlyAfterAColon() {
        assertEquals(List.of("3|待处理工单|17||||"), metrics("- 待处理工单：17\n- 账户2.0升级 进行中\n- 预计2/28上线，19:40恢复\n")
                .stream().map(MetricExtractorTest::row).toList());
    }

    @Test
    void aDeltaInBracketsIsADeltaNotTheValue() {
        Metric m = metrics("- 入金有效成功率：99.98%（较上周+0.02%）\n").get(0);
        assertEquals(99.98, m.value());
        assertEquals(Optional.of(0.02), m.delta());
        Metric down = metrics("- 出金有效成功率：99.90%（较上周下降0.05%）\n").get(0);
        assertEquals(Optional.of(-0.05), down.delta());
    }

    @Test
    void aMetricTableTakesItsThisWeekColumn() {
        List<Metric> table = metrics("""
                ## 核心指标

                | 指标 | 上周 | 本周 |
                | --- | --- | --- |
                | 入金有效成功率 | 99.96% | 99.98% |
                | 告警数 | 12次 | 9次 |
                """);
        assertEquals(List.of("7|入金有效成功率|99.98|%|核心指标||", "8|告警数|9|次|核心指标||"),
                table.stream().map(MetricExtractorTest::row).toList());
    }

    @Test
    void aRateOverOneHundredOrABrokenNumberIsAWarningNotAPoint() {
        MetricExtractor.Extraction extraction = MetricExtractor.extract(
                report("- 入金有效成功率：100.5%\n- 出金有效成功率：99..9%\n"), MetricsConfig.defaults());
        assertEquals(List.of(), extraction.metrics());
        assertEquals(List.of(
                "content/w.md:3: warning: 入金有效成功率 is 100.5%, more than 100% for a rate; it was left out of the charts. "
                        + "Correct the number, or write it without % if it is not a rate",
                "content/w.md:4: warning: '99..9%' looks like a number but is not one; it was left out of the metrics. Write it like 99.9%"),
                extraction.problems().stream().map(Object::toString).toList());
    }

    @Test
    void aSecondLabelOfTheSameShapeTakesTheFirstOnesPrefix() {
        assertEquals("事故数CD级", MetricExtractor.completeFromFirstLabel("CD级", "事故数AB级"));
        assertEquals("出金", MetricExtractor.completeFromFirstLabel("出金", "入金有效成功率"));
    }

    @Test
    void userRulesFindFormatsTheExtractorDoesNotKnow() {
        MetricsConfig config = MetricsConfig.parse("metrics.yaml", """
                metrics:
                  - name: 工单积压
                    unit: 张
                    rules: ['积压(?<value>\\d+)张工单']
                """).config();
        List<Metric> found = MetricExtractor.extract(report("- 目前积压42张工单\n"), config).metrics();
        assertEquals(List.of("3|工单积压|42|张|||"), found.stream().map(MetricExtractorTest::row).toList());
    }

    @Test
    void mistakesInMetricsYamlArePinnedToTheirLine() {
        MetricsConfig.Loaded loaded = MetricsConfig.parse("metrics.yaml", """
                metrics:
                  - name: 入金有效成功率
                    target: 至少99.95
                  - name: 存量单
                    better: smaller
                    rules: ['存量单(\\d+']
                """);
        assertEquals(List.of(
                "metrics.yaml:3: error: target '至少99.95' of 入金有效成功率 is not understood; write it like '>= 99.95' or '<= 3'",
                "metrics.yaml:5: error: better: is 'higher' or 'lower', not 'smaller'"),
                loaded.problems().stream().map(Object::toString).toList().subList(0, 2));
        assertTrue(loaded.problems().get(2).toString().startsWith("metrics.yaml:6: error: the rule for 存量单 is not a valid regular expression"));
        assertEquals(new MetricsConfig.Target(">=", 99.95), MetricsConfig.parse("m", "metrics:\n  - name: x\n    target: '>= 99.95'\n")
                .config().definitions().get(0).target().orElseThrow());
    }

    @Test
    void theSecondMetricsMistakeIsReportedAtItsOwnLineNotTheFirstsLookalike() {
        MetricsConfig.Loaded loaded = MetricsConfig.parse("metrics.yaml", """
                metrics:
                  - name: 入金有效成功率
                    better: higher
                    rules: ['入金(?<value>\\d+)']
                  - name: 出金有效成功率
                    better: upward
                    rules: ['出金(\\d+)']
                    id: Bad_Id
                auto:
                  min_weeks: many
                """);
        assertEquals(List.of(
                "metrics.yaml:6: error: better: is 'higher' or 'lower', not 'upward'",
                "metrics.yaml:7: error: the rule for 出金有效成功率 needs a group named value, e.g. '存量单(?<value>\\d+)单'",
                "metrics.yaml:8: error: id 'Bad_Id' must be lower-case ASCII letters, digits and dashes",
                "metrics.yaml:10: error: min_weeks is a whole number of weeks, such as 2, not 'many'"),
                loaded.problems().stream().map(Object::toString).toList());
    }
}
