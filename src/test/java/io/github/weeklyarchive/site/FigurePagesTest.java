package io.github.weeklyarchive.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.metrics.MetricsConfig;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fresh numbers: a week's chips and the home page show that week's values, and a change says what it is against. */
class FigurePagesTest {

    private static Report week(String date, String body) {
        return ReportParser.parse("content/" + date + ".md", "# 周报 " + date + "\n\n" + body).report().orElseThrow();
    }

    private static final Figures FIGURES = Figures.of(Archive.assemble(List.of(
            week("2023-02-03", "- 告警数：7次\n- 旧指标：3个\n"),
            week("2023-02-10", "- 告警数：9次\n- 旧指标：4个\n"),
            week("2023-02-17", "- 入金成功率：99.9%\n"),
            week("2023-02-24", "- 告警数：4次\n- 入金成功率：99.8%\n")), false).archive(), MetricsConfig.defaults());

    private static List<String> chips(String uri) {
        return new FigurePages(FIGURES, Messages.of("zh", Theme.builtIn())).chipsByWeek().getOrDefault(uri, List.of()).stream()
                .map(c -> c.name() + " " + c.value() + c.unit() + " " + c.change() + " " + c.changeSince())
                .map(String::strip)
                .toList();
    }

    @Test
    void aWeeksChipsAreItsOwnValuesWithTheDateOfTheReportAChangeIsAgainst() {
        assertEquals(List.of("告警数 4次 −5 2023-02-10", "入金成功率 99.8% −0.1"), chips("2023/2023-02-24.html"));
        assertEquals(List.of("入金成功率 99.9%"), chips("2023/2023-02-17.html"));
    }

    @Test
    void theHomePageShowsOnlyTheLatestReportsNumbers() {
        @SuppressWarnings("unchecked")
        List<FigureViews.MetricSummary> key = (List<FigureViews.MetricSummary>) new FigurePages(FIGURES, Messages.of("zh", Theme.builtIn()))
                .home("index.html").get("keyMetrics");
        assertEquals(List.of("告警数 2023-02-10", "入金成功率 "), key.stream().map(m -> m.name() + " " + m.changeSince()).toList());
    }
}
