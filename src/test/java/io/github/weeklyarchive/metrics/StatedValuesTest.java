package io.github.weeklyarchive.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What counts as a metric, automatically: a number a report states as a value (a label and a value in a list
 * item, table or short line; a short number-first statement), and the counter-examples that look like one.
 */
class StatedValuesTest {

    /** label=value unit, as a reader would write each one down. */
    private static List<String> found(String body) {
        return MetricExtractorTest.metrics(body).stream()
                .map(m -> m.label() + "=" + Metric.plain(m.value()) + m.unit())
                .toList();
    }

    @Test
    void aDateOrATimeAfterAColonIsNotAValue() {
        assertEquals(List.of("入金成功率=99.9%"), found("""
                日期：2023-02-24

                - 上线时间: 2023-02-20 19:40
                - 版本：2.0
                - 入金成功率：99.9%
                """));
    }

    @Test
    void headerFieldsYearsIssueNumbersAndVersionsAreNotValues() {
        assertEquals(List.of(), found("""
                Date: 2026
                Number: 665

                - Release: 1.76
                - 年份：2023
                - 第15次讨论
                - Issue #246
                - PLCT编译器设计讨论班第 15 次
                """));
    }

    @Test
    void aClauseNumberIsNeitherAValueNorAMistypedOne() {
        MetricExtractor.Extraction extraction = MetricExtractor.extract(MetricExtractorTest.report("- 根据微信服务协议的 7.1.2 条处理\n"),
                MetricsConfig.defaults());
        assertEquals(List.of(), extraction.metrics());
        assertEquals(List.of(), extraction.problems());
    }

    @Test
    void aNumberThatRunsOnIntoTheSentenceIsNotTheValueOfWhatPrecedesIt() {
        assertEquals(List.of(), found("""
                - 全球有 30% 的人口使用这个应用
                - 本文简单介绍10个终端命令
                - 可将严重交通事故减少80%到90%
                """));
    }

    @Test
    void fillerWordsAreNotLabels() {
        assertEquals(List.of(), found("""
                - 有：30%
                - 以及 20个
                - 约 8次
                - 每 5分钟
                - 就可以：3个
                - 其中：24个
                - 共有 7个
                """));
    }

    @Test
    void aCopulaOrHedgeIsNotPartOfTheName() {
        assertEquals(List.of("进度=60%", "提交至上游=30个", "价格=37元"), found("""
                - 进度均为60%
                - 提交至上游共30个
                - 价格是37元
                """));
    }

    @Test
    void aPriceInASentenceOfProseIsNotAMetric() {
        assertEquals(List.of(), found("""
                这套资料原价值1980元。开课吧现在提供了168个免费名额，售价 799 元，超额之后需要付费观看。

                该游戏可以在 Steam 平台购买。它的价格是人民币37元，很多玩家觉得太贵。
                """));
    }

    @Test
    void outsideAListALineCountsOnlyWhenItStatesValuesAndNothingElse() {
        assertEquals(List.of("成功率=99.9%", "可用性=100%"), found("""
                成功率 99.9%，可用性 100%

                最近，市场上出现了一种 5G 手机壳，售价 799 元
                """));
    }

    @Test
    void aSentenceThatListsValuesCountsEvenInProse() {
        assertEquals(List.of("SPECjvm=97%", "jtreg=8%", "DaCapo=35%"), found(
                "1. 解释器已经可以运行起来了，目前正在运行各个测试集。各个测试集的支持进度如下：SPECjvm  97%（张定立）,  jtreg 8%（曹贵）, DaCapo 35%（章翔）。\n"));
    }

    @Test
    void aDefinedLabelIsTakenEvenInProse() {
        MetricsConfig config = MetricsConfig.parse("metrics.yaml", "metrics:\n  - name: 入金有效成功率\n").config();
        List<Metric> found = MetricExtractor.extract(MetricExtractorTest.report(
                "本周系统平稳。入金有效成功率99.98%，比较理想。\n"), config).metrics();
        assertEquals(List.of("入金有效成功率"), found.stream().map(Metric::label).toList());
    }

    @Test
    void aCountOfALatinNounKeepsTheNounInItsUnit() {
        assertEquals(List.of("ruyisdk-website 仓库提交=5个 pr", "packages-index 仓库提交=2个 issue"), found("""
                - ruyisdk-website 仓库提交 5 个 pr
                - packages-index 仓库提交 2 个 issue
                """));
    }

    @Test
    void aLineOfItsOwnMayEndWithTheShortChineseNounItCounts() {
        assertEquals(List.of("上一版本遗留=2个缺陷"), found("""
                - 上一版本遗留 2 个缺陷：
                - 本文简单介绍10个终端命令，比如 grep、awk 等
                """));
    }

    @Test
    void thousandsSeparatorsMakeOneNumber() {
        assertEquals(List.of("存量单=1234单", "Downloads=12345678"), found("- 存量单：1,234单\n- Downloads: 12,345,678\n"));
    }

    @Test
    void aRangeIsNotAValue() {
        assertEquals(List.of(), found("- 成功率：80%-90%\n"));
    }

    @Test
    void englishNumberFirstStatementsNameTheirNounAndVerb() {
        assertEquals(List.of("pull requests merged=446", "artifact comparisons made=75", "PRs landed=70", "pull requests merged=12"),
                found("""
                        446 pull requests were [merged in the last week](https://example.org/merged)

                        75 artifact comparisons made in total

                        This week, we landed 70 PRs.

                        There were 12 pull requests merged this week.
                        """));
    }

    @Test
    void twoStatementsInOneSentenceShareTheVerbAndKeepWhere() {
        assertEquals(List.of("PRs landed (TiDB)=22", "PRs landed (TiKV and PD)=15"), found(
                "Last week, we landed [22 PRs](https://x.org/a) in the TiDB repositories and [15 PRs](https://x.org/b) in the TiKV and PD repositories.\n"));
    }

    @Test
    void bareCountsCountOnlyBesideEachOther() {
        assertEquals(List.of("Regressions=0", "Improvements=6", "Mixed=7"), found("0 Regressions, 6 Improvements, 7 Mixed; 4 of them in rollups\n"));
        assertEquals(List.of(), found("""
                - [14 Rust Tools for Linux Terminal Dwellers](https://example.org/tools)
                - [5 Rust crates you should know](https://example.org/crates)
                - 24.03 LTS
                """));
    }

    @Test
    void aNumberInsideAnEnglishSentenceIsNotAStatement() {
        assertEquals(List.of(), found("""
                As we can see, the qps is increased by about 25%, and the latency is decreased by about 15%.

                2 weeks ago we shipped the release.

                - [Why SQL hang for exactly 940s? TCP and Async Rust!](https://example.org/sql)
                - [More than 80% of the crates link to their public VCS](https://example.org/vcs)
                """));
    }

    @Test
    void aStatementOnTheNextLineOfAParagraphNeedsItsOwnVerb() {
        assertEquals(List.of("Regressions=0", "Improvements=6", "Mixed=7", "artifact comparisons made=50"),
                found("0 Regressions, 6 Improvements, 7 Mixed; 4 of them in rollups\n50 artifact comparisons made in total\n"));
        assertEquals(List.of(), found("The team spent much of the week on the\n12 crates and other things\n"));
    }

    @Test
    void ignoredLabelsAreLeftOut() {
        MetricsConfig config = MetricsConfig.parse("metrics.yaml", "ignore: [总计, '/^Mix/']\n").config();
        List<Metric> found = MetricExtractor.extract(MetricExtractorTest.report("- 总计：12个\n- 完成：3个\n\n0 Regressions, 7 Mixed\n"), config).metrics();
        assertEquals(List.of("完成", "Regressions"), found.stream().map(Metric::label).toList());
    }

    @Test
    void aDefinedMetricIsNeverIgnoredAndABadPatternIsReportedAtItsLine() {
        MetricsConfig.Loaded loaded = MetricsConfig.parse("metrics.yaml", "metrics:\n  - name: 总计\nignore:\n  - 总计\n  - '/(/'\n");
        assertFalse(loaded.config().isIgnored("总计"));
        assertEquals(1, loaded.problems().size());
        assertTrue(loaded.problems().get(0).toString().startsWith("metrics.yaml:5: error: '/(/' in ignore: is not a valid regular expression"),
                loaded.problems().get(0).toString());
    }

    @Test
    void labelsAreNames() {
        for (String name : List.of("入金有效成功率", "事故数AB级", "Hive数仓建设总进度", "可下线", "总计", "pull requests", "Uptime", "P99耗时")) {
            assertTrue(Label.isName(name), name);
        }
        for (String notName : List.of("有", "以及", "从", "约", "每", "就可以", "其中", "共有", "价格是", "Date", "Number", "the qps is increased by about",
                "From", "More than", "第", "Issue", "版本", "人口下降了惊人的", "女子2030年将为", "进度均为85%的", "a", "x")) {
            assertFalse(Label.isName(notName), notName);
        }
    }
}
