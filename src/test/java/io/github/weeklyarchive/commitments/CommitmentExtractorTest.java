package io.github.weeklyarchive.commitments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import io.github.weeklyarchive.testing.Sample;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommitmentExtractorTest {

    static Report sample() {
        return ReportParser.parse(Sample.PATH, Sample.bytes(), Optional::empty).report().orElseThrow();
    }

    private static Report week(String date, String body) {
        return ReportParser.parse("content/" + date + ".md", "# 周报 " + date + "\n\n" + body).report().orElseThrow();
    }

    private static List<String> read(Report report) {
        return CommitmentExtractor.extract(report, CommitmentsConfig.defaults()).stream()
                .map(s -> s.kind() + " " + s.subject().shown() + " | " + s.action() + " " + s.date().map(Object::toString).orElse("-"))
                .toList();
    }

    @Test
    void aPromiseUnderARepeatedHeadingLinksToItsOwnHeading() {
        Report report = week("2023-02-24", "## 支付账户\n\n### 风险\n\n- 对账脚本3/3上线\n\n## 收单系统\n\n### 风险\n\n- 清分服务3/10上线\n");
        List<String> anchors = CommitmentExtractor.extract(report, CommitmentsConfig.defaults()).stream()
                .map(s -> s.subject().shown() + " #" + s.anchor()).toList();
        assertEquals(List.of("对账脚本 #风险", "清分服务 #风险-2"), anchors);
        assertTrue(report.html().contains("<h3 id=\"风险-2\">风险</h3>"), "the second heading's id on the page: " + report.html());
    }

    @Test
    void theSamplesPromisesWithTheirSubjectsActionsAndDueDates() {
        List<Statement> all = CommitmentExtractor.extract(sample(), CommitmentsConfig.defaults());
        List<String> promises = all.stream().filter(s -> s.kind() == Statement.Kind.PROMISE)
                .map(s -> s.subject().shown() + " | " + s.action() + " " + s.date().orElseThrow() + " :" + s.line()).toList();
        assertEquals(List.of(
                "上海资金存管 / 遗留中信存管24点跨天问题 | 上线 2023-02-28 :23", // 下周二, written on Friday 2/24
                "上海资金存管 / 上海经纪人培训 | 作业 2023-02-28 :23",
                "惠居省心租代收能力建设 / 后端代收支付和通道对接 | 上线 2023-02-28 :24",
                "轻存管与定转佣能力建设 / 产品需求 | 评审 2023-03-07 :25",
                "现金奖励系统 | 完成 2023-04-15 :27",
                "履约1.0切换支付2.0 | 切量完成 2023-03-09 :46"), promises);
        // 计划调整到3月底完成: a date that already moved once, read as a slip to 3/31.
        Statement moved = all.stream().filter(s -> s.kind() == Statement.Kind.SLIPPED).findFirst().orElseThrow();
        assertEquals("数据安全治理 / 加密改造 | 完成 2023-03-31", moved.subject().shown() + " | " + moved.action() + " " + moved.date().orElseThrow());
        assertEquals("d-数据安全与个人信息保护", moved.anchor(), "the heading the line sits under on the week's page");
        // 一期2/21系统上线完成 was written on 2/24: a record of work done, not a promise.
        assertTrue(all.stream().anyMatch(s -> s.kind() == Statement.Kind.DONE && s.subject().topic().equals("平安银行存管建设")
                && s.date().equals(Optional.of(LocalDate.of(2023, 2, 21)))), all.toString());
        // 1~2月份重点项目评审 names a period, not a due date.
        assertTrue(all.stream().noneMatch(s -> s.text().contains("重点项目评审")), all.toString());
    }

    @Test
    void relativeDatesAreReadFromTheReportsDay() {
        LocalDate friday = LocalDate.of(2023, 2, 24);
        assertEquals(List.of(LocalDate.of(2023, 2, 28)), dates("下周二上线", friday));
        assertEquals(List.of(LocalDate.of(2023, 3, 3)), dates("下周上线", friday), "next week ends on its Friday");
        assertEquals(List.of(LocalDate.of(2023, 2, 28)), dates("月底完成", friday));
        assertEquals(List.of(LocalDate.of(2023, 3, 31)), dates("3月底完成", friday));
        assertEquals(List.of(LocalDate.of(2023, 3, 20)), dates("3月中旬完成", friday));
        assertEquals(List.of(LocalDate.of(2023, 3, 31)), dates("下月完成", friday));
        assertEquals(List.of(LocalDate.of(2023, 3, 7)), dates("3月7日评审", friday));
        assertEquals(List.of(LocalDate.of(2023, 4, 15)), dates("２０２３-04-15 完成".replace("２０２３", "2023"), friday));
        assertEquals(List.of(LocalDate.of(2024, 1, 5)), dates("1/5上线", LocalDate.of(2023, 12, 28)), "early January, written in December");
        assertEquals(List.of(LocalDate.of(2022, 12, 30)), dates("12/30上线", LocalDate.of(2023, 1, 3)));
        assertEquals(List.of(), dates("任务完成占比83%(69/84)，2/30上线", friday), "fractions and impossible days are not dates");
    }

    private static List<LocalDate> dates(String text, LocalDate written) {
        return DueDates.find(text, written).stream().map(DueDates.Found::date).toList();
    }

    @Test
    void onlyPlainStatementsSayDoneOrSlipped() {
        assertEquals(List.of(
                "DONE 支付网关 / 后端 | 上线 2023-02-28",
                "DONE 支付网关 / 前端 | 上线完成 -",
                "SLIPPED 对账平台 | 上线 2023-03-14",
                "SLIPPED 清结算 | 上线 -",
                "PROMISE 风控 | 上线 2023-03-10"),
                read(week("2023-03-03", """
                        - 支付网关，后端已于2/28上线，前端上线完成
                        - 对账平台上线延期至3/14
                        - 清结算上线推迟，等待银行排期
                        - 风控，预计3/10上线
                        - 数据迁移基本完成，开城需求尚未上线，灰度完成80%
                        - 计划2/20上线的报表
                        """)));
    }

    /** Shapes met in a real monthly archive (PLCT-Weekly): periods and past tense are not promises. */
    @Test
    void aStretchOfTimeIsADueDateOnlyWhenPlanned() {
        assertEquals(List.of(
                "PROMISE 指令集 / 剩余一个Cache指令子集 | 完成 2020-03-27",
                "PROMISE 讨论了选项的实现方案 | 提交 2020-04-30",
                "PROMISE 移植 | 完成 2020-12-31",
                // The year written earlier in the sentence holds for the dates after it: records of 2005, not promises.
                "DONE Git 从 / Git 从2005年4月3日开始开发 | 完成 2005-04-06",
                "DONE Git 从 / 4月6日完成开发 | 上线 2005-04-07"),
                read(week("2020-03-23", """
                        - 本月完成了内置模拟器的移植
                        - 近期忙年底验收补项目文档
                        - 2019年11月完成了初步的移植工作
                        - 以下是上月提交，本月合并到上游的 PR
                        - 指令集，剩余一个Cache指令子集这周可以完成
                        - 讨论了选项的实现方案，预计下月提交patch
                        - 移植预计 2020 年底完成
                        - Git 从2005年4月3日开始开发，4月6日完成开发，4月7日上线使用
                        """)));
    }

    @Test
    void aPromiseOnADayThatDoesNotExistIsAWarningAtItsLine() {
        List<io.github.weeklyarchive.report.Problem> problems = new java.util.ArrayList<>();
        List<Statement> found = CommitmentExtractor.extract(week("2023-02-24", "- 网关预计2/30上线\n- 任务完成占比83%(69/84)\n- 账务2/29完成\n"),
                CommitmentsConfig.defaults(), problems);
        assertEquals(List.of(), found);
        assertEquals(List.of("content/2023-02-24.md:3: warning: '2/30' is not a day of the calendar, so this promise is not followed; "
                + "write the date it is due, such as 2/28", "content/2023-02-24.md:5: warning: '2/29' is not a day of the calendar, so this "
                + "promise is not followed; write the date it is due, such as 2/28"), problems.stream().map(Object::toString).toList(),
                "2023 is no leap year");
        problems.clear();
        CommitmentExtractor.extract(week("2024-02-23", "- 账务2/29完成\n"), CommitmentsConfig.defaults(), problems);
        assertEquals(List.of(), problems, "2024 is one");
        CommitmentExtractor.extract(week("2024-02-23", "- 清算系统2024-04-31上线\n- 对账4月31日完成\n"), CommitmentsConfig.defaults(), problems);
        assertEquals(List.of("'2024-04-31'", "'4月31日'"), problems.stream().map(p -> p.message().split(" is not")[0]).toList(),
                "every way of writing a date is checked, by the pattern that reads due dates");
        problems.clear();
        CommitmentExtractor.extract(week("2023-02-24", "- 闰年项目2024年2月启动，2/29上线\n"), CommitmentsConfig.defaults(), problems);
        assertEquals(List.of(), problems, "2/29 in the year the line wrote out, 2024, is a day");
    }

    /** Found in This Week in Rust: a line of nothing but punctuation once stopped the build. */
    @Test
    void aLineOfOnlyFullStops() {
        assertEquals(List.of(), read(ReportParser.parse("content/2023/r.md", "# 周报 2023-02-24\n\n!!!\n\n。。。\n\n- ？\n").report().orElseThrow()));
    }

    @Test
    void turnedOffNothingIsRead() {
        CommitmentsConfig off = CommitmentsConfig.parse("metrics.yaml", "commitments:\n  enabled: false\n").config();
        assertEquals(List.of(), CommitmentExtractor.extract(sample(), off));
    }

    @Test
    void extraWordsFromTheConfigurationAndMistakesAtTheirLine() {
        CommitmentsConfig.Loaded loaded = CommitmentsConfig.parse("metrics.yaml", """
                metrics: []
                commitments:
                  verbs: [割接]
                  done: [割接成功]
                  slipped: 延后
                  enabled: maybe
                """);
        assertEquals(List.of("metrics.yaml:5: error: slipped: is a list of words, such as [延期, 推迟]",
                "metrics.yaml:6: error: enabled: is true or false, not 'maybe'"), loaded.problems().stream().map(Object::toString).toList());
        assertEquals(List.of("PROMISE 核心账务 | 割接 2023-03-10", "DONE 清算 | 割接 -"),
                CommitmentExtractor.extract(week("2023-03-03", "- 核心账务预计3/10割接\n- 清算割接成功\n"), loaded.config()).stream()
                        .map(s -> s.kind() + " " + s.subject().shown() + " | " + s.action() + " " + s.date().map(Object::toString).orElse("-")).toList());
    }
}
