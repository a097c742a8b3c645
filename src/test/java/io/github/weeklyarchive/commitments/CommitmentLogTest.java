package io.github.weeklyarchive.commitments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import io.github.weeklyarchive.testing.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sample report and four crafted weeks after it (src/test/resources/commitments), one for each thing that
 * becomes of a promise: kept on time, kept late, slipped twice then kept, silent and overdue, still open.
 */
class CommitmentLogTest {

    static final List<String> FOLLOWING = List.of("2023-03-03", "2023-03-10", "2023-03-17", "2023-04-07");

    static Archive archive() throws IOException {
        List<Report> reports = new ArrayList<>();
        reports.add(CommitmentExtractorTest.sample());
        for (String date : FOLLOWING) {
            try (InputStream in = CommitmentLogTest.class.getResourceAsStream("/commitments/" + date + ".md")) {
                reports.add(ReportParser.parse("content/2023/" + date + ".md", in.readAllBytes(), Optional::empty).report().orElseThrow());
            }
        }
        return Archive.assemble(reports, false).archive();
    }

    static CommitmentLog log() throws IOException {
        return CommitmentLog.of(archive(), CommitmentsConfig.defaults(), LocalDate.of(2023, 4, 7)); // the newest week's day
    }

    private static Commitment about(CommitmentLog log, String subject) {
        return log.commitments().stream().filter(c -> c.subject().shown().contains(subject)).findFirst()
                .orElseThrow(() -> new AssertionError(subject + " not in " + log.commitments()));
    }

    @Test
    void keptOnTimeWhenTheNextReportSaysSo() throws IOException {
        CommitmentLog log = log();
        Commitment fix = about(log, "中信存管24点跨天问题"); // 下周二上线 → 已于2/28上线
        assertEquals(Commitment.Status.DONE, fix.status());
        assertEquals(Optional.of(LocalDate.of(2023, 2, 28)), fix.resolved());
        assertTrue(fix.onTime());
        Commitment training = about(log, "上海经纪人培训"); // 计划2/28正式作业 → 已正式作业, in the first report after 2/28
        assertEquals(Commitment.Status.DONE, training.status());
        assertEquals(Optional.of(LocalDate.of(2023, 3, 3)), training.resolved());
        assertTrue(training.onTime());
        assertEquals(List.of(Sample.PATH + ":23", "content/2023/2023-03-03.md:7"), training.mentions().stream().map(Commitment.Mention::location).toList());
    }

    @Test
    void keptLateWhenDoneIsSaidWeeksAfterTheDueDate() throws IOException {
        Commitment review = about(log(), "产品需求"); // 预计3/7评审, restated, then 评审完成 on 3/17
        assertEquals(Commitment.Status.DONE, review.status());
        assertEquals(1, review.dues().size(), "3/7评审 restated the same date");
        assertFalse(review.onTime());
        assertEquals(Optional.of(LocalDate.of(2023, 3, 17)), review.resolved());
    }

    @Test
    void slippedTwiceKeepsEveryDateInOrderThenIsKept() throws IOException {
        Commitment backend = about(log(), "后端代收");
        assertEquals(List.of("2023-02-28", "2023-03-07", "2023-03-14"), backend.dues().stream().map(d -> d.date().toString()).toList());
        assertEquals(Commitment.Status.DONE, backend.status(), "已于3/14上线; 前端解决方案已上线 a week before did not count");
        assertEquals(Optional.of(LocalDate.of(2023, 3, 14)), backend.resolved());
        assertEquals(List.of(Commitment.Status.SLIPPED, Commitment.Status.SLIPPED, Commitment.Status.DONE),
                List.of(backend.statusOf(0), backend.statusOf(1), backend.statusOf(2)));
        assertEquals(Optional.of(LocalDate.of(2023, 3, 3)), backend.resolvedOf(0), "the report that moved it");
    }

    @Test
    void silentPastTheDueDateIsOverdueAndAMovedDateToo() throws IOException {
        CommitmentLog log = log();
        Commitment encryption = about(log, "加密改造");
        assertEquals(Commitment.Status.OVERDUE, encryption.status());
        assertEquals(1, encryption.mentions().size(), "nothing was said of it after the sample");
        Commitment cutover = about(log, "履约1.0切换支付2.0");
        assertEquals(List.of(LocalDate.of(2023, 3, 9), LocalDate.of(2023, 3, 16)), cutover.dues().stream().map(Commitment.Due::date).toList());
        assertEquals(Commitment.Status.OVERDUE, cutover.status());
        assertEquals(Commitment.Status.OPEN, about(log, "现金奖励系统").status(), "due 4/15, after the build's day");
    }

    @Test
    void aDatePastAtWritingAndAHedgedDoneAreNotFollowed() throws IOException {
        CommitmentLog log = log();
        assertTrue(log.commitments().stream().noneMatch(c -> c.subject().shown().contains("平安银行")), "一期2/21系统上线完成 is a record");
        assertTrue(log.commitments().stream().noneMatch(c -> c.subject().shown().contains("前端")), "no date, no commitment");
        assertEquals(7, log.commitments().size(), log.commitments().toString());
    }

    @Test
    void aClauseThatNamesOnlyItsSectionIsNeverMatched() {
        // Two releases under one heading, months apart: the second is a new promise, not the first one moved.
        List<Report> reports = List.of(
                ReportParser.parse("content/2024-09-01.md", "# 月报 2024-09-01\n\n## 包管理器\n\n9 月 3 日发布\n").report().orElseThrow(),
                ReportParser.parse("content/2024-12-01.md", "# 月报 2024-12-01\n\n## 包管理器\n\n12 月 3 日发布\n").report().orElseThrow());
        CommitmentLog log = CommitmentLog.of(Archive.assemble(reports, false).archive(), CommitmentsConfig.defaults(), LocalDate.of(2024, 12, 1));
        assertEquals(List.of("包管理器 2024-09-03 overdue", "包管理器 2024-12-03 open"),
                log.commitments().stream().map(c -> c.subject().shown() + " " + c.due() + " " + c.status().id()).toList());
    }

    @Test
    void afterMonthsOfSilenceALikeWordedLineIsOtherWork() {
        List<Report> reports = List.of(
                ReportParser.parse("content/2020-06-19.md", "# 周刊 2020-06-19\n\n- 周刊，端午节假期提前到6月24日发布\n").report().orElseThrow(),
                ReportParser.parse("content/2020-07-03.md", "# 周刊 2020-07-03\n\n- 本期正常\n").report().orElseThrow(),
                ReportParser.parse("content/2020-12-25.md", "# 周刊 2020-12-25\n\n- 周刊，元旦假期提前到12月31日发布\n").report().orElseThrow());
        CommitmentLog log = CommitmentLog.of(Archive.assemble(reports, false).archive(), CommitmentsConfig.defaults(), LocalDate.of(2020, 12, 25));
        assertEquals(List.of("2020-06-24 overdue", "2020-12-31 open"),
                log.commitments().stream().map(c -> c.dues().size() + "" + " " + c.due() + " " + c.status().id()).map(t -> t.substring(2)).toList());
    }

    @Test
    void whatWasDueBetweenTwoReports() throws IOException {
        CommitmentLog log = log();
        assertEquals(List.of("上海资金存管 / 上海经纪人培训", "上海资金存管 / 遗留中信存管24点跨天问题", "惠居省心租代收能力建设 / 后端代收支付和通道对接"),
                log.dueBetween(Optional.of(LocalDate.of(2023, 2, 24)), LocalDate.of(2023, 3, 3)).stream().map(c -> c.subject().shown()).toList());
    }

    /** The week pages take what fell due in each week from one pass over the due dates; it must be dueBetween's answer. */
    @Test
    void whatFellDueInEachWeekIsWhatFellDueBetweenItAndTheWeekBefore() throws IOException {
        CommitmentLog log = log();
        List<LocalDate> weeks = archive().weeks().stream().map(w -> w.report().date()).toList();
        List<List<Commitment>> each = log.dueInEachWeek(weeks);
        for (int i = 0; i < weeks.size(); i++) {
            Optional<LocalDate> before = i == 0 ? Optional.empty() : Optional.of(weeks.get(i - 1));
            assertEquals(log.dueBetween(before, weeks.get(i)), each.get(i), weeks.get(i).toString());
        }
        assertTrue(each.stream().mapToInt(List::size).sum() >= 5, "the sample's promises fall due in the weeks after it: " + each);
    }

    @Test
    void theDataRowsOneADueDate() throws IOException {
        List<Map<String, Object>> rows = CommitmentFiles.rows(log());
        List<String> backend = rows.stream().filter(r -> r.get("subject").toString().contains("后端代收"))
                .map(r -> String.join(",", CommitmentFiles.COLUMNS.stream().map(c -> String.valueOf(r.get(c))).toList())).toList();
        assertEquals(List.of(
                "惠居省心租代收能力建设 / 后端代收支付和通道对接,上线,2023-02-24,2023-02-28,slipped,2023-03-03," + Sample.PATH + ":24",
                "惠居省心租代收能力建设 / 后端代收支付和通道对接,上线,2023-02-24,2023-03-07,slipped,2023-03-10," + Sample.PATH + ":24",
                "惠居省心租代收能力建设 / 后端代收支付和通道对接,上线,2023-02-24,2023-03-14,done,2023-03-14," + Sample.PATH + ":24"), backend);
        // The JSON rows: each week that spoke of it is listed once, in the row of the date that stood then.
        List<Object> mentions = rows.stream().filter(r -> r.get("subject").toString().contains("后端代收")).map(r -> r.get("mentions")).toList();
        List<String> all = about(log(), "后端代收").mentions().stream().map(Commitment.Mention::location).toList();
        assertEquals(all, mentions.stream().flatMap(m -> ((List<?>) m).stream()).map(String::valueOf).toList());
        assertEquals(List.of(Sample.PATH + ":24"), mentions.get(0), "given in the sample, moved the week after");
    }
}
