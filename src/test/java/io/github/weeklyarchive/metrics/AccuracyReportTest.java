package io.github.weeklyarchive.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyReportTest {

    private static Report week(String date, String body) {
        return ReportParser.parse("content/" + date + ".md", "# 周报 " + date + "\n\n" + body).report().orElseThrow();
    }

    @Test
    void everySeriesListsItsPointsWithTheSourceLineEachWasReadFrom() {
        Figures figures = Figures.of(Archive.assemble(List.of(
                week("2023-02-10", "- 告警数：7次\n- 旧指标：3个\n- 总计：5个\n"),
                week("2023-02-17", "- 告警数：9次\n- 旧指标：4个\n"),
                week("2023-02-24", "- 告警数：4次\n- 总计：6个\n")), false).archive(), MetricsConfig.defaults());
        StringBuilder out = new StringBuilder();
        AccuracyReport.write(figures, out);
        assertEquals("""
                2 series (1 in the latest report, 1 no longer reported); 1 more labels were stated in several reports but are not series

                告警数 (次): found automatically, 3 reports
                  2023-02-10  7次  content/2023-02-10.md:3  告警数：7次
                  2023-02-17  9次  content/2023-02-17.md:3  告警数：9次
                  2023-02-24  4次  content/2023-02-24.md:3  告警数：4次

                no longer reported:

                旧指标 (个): found automatically, 2 reports, last 2023-02-17
                  2023-02-10  3个  content/2023-02-10.md:4  旧指标：3个
                  2023-02-17  4个  content/2023-02-17.md:4  旧指标：4个

                not series:

                总计 (个): not stated in 2 reports in a row
                  2023-02-10  5个  content/2023-02-10.md:5  总计：5个
                  2023-02-24  6个  content/2023-02-24.md:4  总计：6个
                """, out.toString());
    }
}
