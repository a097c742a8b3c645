package io.github.weeklyarchive.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.metrics.MetricsConfig;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import io.github.weeklyarchive.testing.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NextWeekTest {

    private static Report parse(String path, String text) {
        return ReportParser.parse(path, text).report().orElseThrow();
    }

    private static NextWeek.Draft next(String path, String text) {
        return NextWeek.after(parse(path, text), text, path.substring(path.lastIndexOf('/') + 1), Optional.empty(), MetricsConfig.defaults());
    }

    @Test
    void theSampleBecomesWeekTenWithItsOutlineAndEmptyValues() {
        NextWeek.Draft draft = next(Sample.PATH, Sample.text());
        assertEquals(LocalDate.of(2023, 3, 3), draft.date(), "a Friday, a week after");
        assertEquals("2023-03-03-week10.md", draft.fileName());
        List<String> lines = draft.text().lines().toList();
        assertEquals("# 第10周 2023-03-03", lines.get(0));
        assertTrue(lines.contains("# 第10周 2023/03/03"), "the repeated title follows its own date format");
        assertTrue(lines.contains("- 入金有效成功率："), draft.text());
        assertTrue(lines.contains("- 支付系统年度可用性："), draft.text());
        assertTrue(lines.contains("成功率："));
        Report latest = parse(Sample.PATH, Sample.text());
        Report drafted = parse("content/2023/2023-03-03-week10.md", draft.text());
        assertEquals(latest.headings().stream().map(h -> h.text()).filter(t -> !t.contains("第09周")).toList(),
                drafted.headings().stream().map(h -> h.text()).filter(t -> !t.contains("第10周")).toList(), "the same headings, in order");
        assertEquals(Optional.of("第10周"), drafted.weekLabel());
        assertEquals(LocalDate.of(2023, 3, 3), drafted.date());
        for (String gone : List.of("99.98", "OOM", "飞轮效应", "Created:", "236单")) {
            assertFalse(draft.text().contains(gone), gone + " is last week's");
        }
    }

    @Test
    void incidentsAreResetAndLastWeeksGoalsAreAChecklistUnderTheFirstProgressSection() {
        String text = next(Sample.PATH, Sample.text()).text();
        assertTrue(text.contains("3. 生产稳定性事件：\n- 本周无\n"), text);
        int progress = text.indexOf("# 上周进展");
        int firstGoal = text.indexOf("- [ ] 重点项目计划与进度跟进：账户2.0、Hive数仓、POS收单系统等");
        assertTrue(progress >= 0 && firstGoal > progress && firstGoal < text.indexOf("## 【系统运行数据】"), text);
        assertTrue(text.contains("- [ ] 人才盘点第二阶段工作\n"), text);
        assertTrue(text.contains("# 下周工作及目标\n\n# 日报合集"), "the goals section is left for this week's goals");
    }

    @Test
    void labelsAndDatesContinueInTheAuthorsOwnForm() {
        assertEquals("第10周", Renaming.next("第09周"));
        assertEquals("第 301 期", Renaming.next("第 300 期"));
        assertEquals("第100周", Renaming.next("第99周"));
        String plct = "# PLCT 开源进展·第 46 期·2023 年 6 月 1 日\n\n## 本期亮点\n\n- 很多\n\n## 下周计划\n\n- 发布 v1\n";
        NextWeek.Draft draft = next("content/2023/2023-06-01.md", plct);
        assertEquals("# PLCT 开源进展·第 47 期·2023 年 6 月 8 日", draft.text().lines().findFirst().orElseThrow());
        assertEquals("2023-06-08.md", draft.fileName());
        assertTrue(draft.text().contains("\n- [ ] 发布 v1\n"), "no progress section: the goals come right after the title\n" + draft.text());

        String rust = "Title: This Week in Rust 665\nNumber: 665\nDate: 2026-08-19\nCategory: This Week in Rust\n\n"
                + "Hello and welcome to another issue!\n\n## Updates from Rust Community\n\n- [a post](https://example.org/665)\n";
        NextWeek.Draft twir = next("content/2026-08-19-this-week-in-rust.md", rust);
        assertTrue(twir.text().startsWith("Title: This Week in Rust 666\nNumber: 666\nDate: 2026-08-26\nCategory: This Week in Rust\n"), twir.text());
        assertEquals("2026-08-26-this-week-in-rust.md", twir.fileName());
        assertTrue(twir.text().contains("## Updates from Rust Community"));
        assertFalse(twir.text().contains("example.org/665"));

        String pingcap = "---\ntitle: TiDB Monthly Update for March 2021\ndate: 2021-04-01\n---\n# TiDB Monthly Update for March 2021\n";
        NextWeek.Draft monthly = next("content/2021-04-01-tidb-monthly.md", pingcap);
        assertEquals("2021-04-08-tidb-monthly.md", monthly.fileName(), "a year in the title is not a number to continue");
        assertTrue(monthly.text().contains("date: 2021-04-08\n") && monthly.text().contains("March 2021"), monthly.text());
    }

    /** Every report of the PLCT archive (titles like {@code PLCT 开源进展·第 46 期·2023 年 6 月 1 日}) starts a next one. */
    @Test
    void everyReportOfTheSharedCorpusStartsTheNextOne() throws IOException {
        Path corpus = Path.of("..", "shared", "corpora", "plct-weekly");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no shared corpus at " + corpus.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        int drafted = 0;
        int numbered = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            Optional<Report> latest = ReportParser.parse(file.toString(), text).report();
            if (latest.isEmpty()) {
                continue; // not a report (a README, a job post without a date)
            }
            NextWeek.Draft draft = NextWeek.after(latest.get(), text, file.getFileName().toString(), Optional.empty(), MetricsConfig.defaults());
            Report next = ReportParser.parse("content/" + draft.fileName(), draft.text()).report().orElseThrow(() -> new AssertionError(file + "\n" + draft.text()));
            if (latest.get().title().matches(".*(\\d{1,2}\\s*日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}).*")) {
                assertEquals(latest.get().date().plusWeeks(1), next.date(), file + ": the title's date moved on a week");
            } else {
                assertTrue(next.date().isAfter(latest.get().date()), file + ": a title naming a month names the next one");
            }
            assertEquals(latest.get().headings().size(), next.headings().size(), file + ": every heading kept");
            if (latest.get().weekLabel().filter(l -> l.matches(".*\\d.*")).isPresent()) {
                assertEquals(latest.get().weekLabel().map(Renaming::next), next.weekLabel(), file.toString());
                numbered++;
            }
            drafted++;
        }
        assertTrue(drafted > 100 && numbered > 50, drafted + " drafted, " + numbered + " numbered");
    }

    @Test
    void valuesAreLeftEmptyAndLabelsKept() {
        assertEquals("- 入金有效成功率：", NextWeek.valuesLeftEmpty("- 入金有效成功率：99.98%"));
        assertEquals("- Hive数仓建设总进度：，采集和建模进度（16个业务域）：，迁移进度（总数164个）：",
                NextWeek.valuesLeftEmpty("- Hive数仓建设总进度：47.96%，采集和建模进度（16个业务域）：78.5%，迁移进度（总数164个）：37.78%。"));
        assertEquals("- 事故数AB级次，CD级次", NextWeek.valuesLeftEmpty("- 事故数AB级0次，CD级0次"));
    }

    @Test
    void anIncidentSectionUnderAHeadingSaysNoneSoFar() {
        String text = "# 第10周 2023-03-03\n\n## 【生产稳定性事件】\n\n- 3/1 10:00 支付超时\n处置：重启\n\n    原因：连接池耗尽\n\n## 【其他】\n\n- 参加会议\n";
        String draft = next("content/2023/2023-03-03.md", text).text();
        assertTrue(draft.contains("## 【生产稳定性事件】\n\n- 本周无\n\n## 【其他】"), draft);
        assertFalse(draft.contains("处置") || draft.contains("原因") || draft.contains("会议"), draft);
    }

    @Test
    void privateBlocksAndCodeAreNeverCarriedOver() {
        String text = "# 第10周 2023-03-03\n\n# 上周进展\n\n<!-- private -->\n## 内部\n- 指标A：12%\n<!-- /private -->\n"
                + "- 入金有效成功率：99.9%\n\n```\n# not a heading\n```\n";
        String draft = next("content/2023/2023-03-03.md", text).text();
        assertFalse(draft.contains("内部") || draft.contains("指标A") || draft.contains("not a heading"), draft);
        assertTrue(draft.contains("- 入金有效成功率：\n"), draft);
    }
}
