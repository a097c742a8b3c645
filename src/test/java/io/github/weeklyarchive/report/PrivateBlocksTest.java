package io.github.weeklyarchive.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What is between private markers is for the team's copy: no part of a report carries it. */
class PrivateBlocksTest {

    private static final String REPORT = """
            # 第10周 2023-03-03

            ## 系统运行数据

            - 入金有效成功率：99.99%
            <!-- private -->
            - 商户 A 的对账账号：acct-7731，负责人手机 13800000000
            - 内部成功率：12.5%
            <!-- /private -->
            - 出金有效成功率：99.95% <!-- private -->（其中一笔是测试单 TEST-991）<!-- /private -->

            ## 生产稳定性事件

            - 本周无
            """;

    @Test
    void privateTextIsInNoPartOfTheReportAndLinesKeepTheirNumbers() {
        Report report = ReportParser.parse("content/2023/w10.md", REPORT).report().orElseThrow();
        String everything = report.html() + report.lines() + report.tableRows() + report.sections() + report.headings() + report.title();
        for (String secret : List.of("acct-7731", "13800000000", "内部成功率", "TEST-991", "测试单", "private")) {
            assertFalse(everything.contains(secret), secret + " in " + everything);
        }
        assertTrue(report.html().contains("出金有效成功率：99.95%"));
        SourceLine outflow = report.lines().stream().filter(l -> l.text().startsWith("出金")).findFirst().orElseThrow();
        assertEquals(10, outflow.line(), "the lines after a private block keep their numbers");
    }

    @Test
    void aMarkerLeftOpenOrClosedWithoutOpeningIsAnErrorAtItsLine() {
        ParsedReport open = ReportParser.parse("content/a.md", "# 第10周 2023-03-03\n\n- 公开\n<!-- private -->\n- 秘密\n");
        assertEquals(List.of("content/a.md:4: error: this private block is never closed, so the rest of the report would be left out; "
                + "add <!-- /private --> where the private part ends"), open.problems().stream().map(Object::toString).toList());
        assertTrue(open.report().isEmpty());
        ParsedReport stray = ReportParser.parse("content/a.md", "# 第10周 2023-03-03\n\n- 公开\n<!-- /private -->\n");
        assertTrue(stray.problems().get(0).toString().startsWith("content/a.md:4: error: <!-- /private --> closes a private block"));
    }
}
