package io.github.weeklyarchive.metrics;

import io.github.weeklyarchive.testing.FuzzSeed;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.ParsedReport;
import io.github.weeklyarchive.report.ReportParser;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random and mutated report text: parsing and extraction never crash, and what they find is sane (labels are names). */
class ExtractorPropertiesTest {

    private static final String SAMPLE = io.github.weeklyarchive.testing.Sample.text();

    @Provide
    Arbitrary<String> reportText() {
        Arbitrary<String> pieces = Arbitraries.of("：", ":", "%", "％", "（", "）", "(", ")", "较上周", "减少", "+", "-", "..", "/",
                "\n", "\n- ", "\n  - ", "\n## ", "本周无", "生产稳定性事件：", "处置：", "原因：", "2/19 19:29 ", "１２", "99.98",
                "100.5", "次", "单", "个", "|", "| 本周 |", "---", "【", "】", "成功率", "进度", " ", "\r\n", "\uFEFF", "<script>",
                "446 pull requests were merged", " in the last week", "we landed ", " PRs", " and ", "Date: ", "2023-02-24", "1,234", "。", ". ",
                "有", "约", "的", "第", "版本：", "v1.2", "Mixed", ", ");
        return pieces.list().ofMaxSize(60).map(list -> "# 第09周 2023-02-24\n" + String.join("", list));
    }

    @Provide
    Arbitrary<String> mutatedSample() {
        return Arbitraries.integers().between(0, SAMPLE.length() - 1).list().ofMinSize(1).ofMaxSize(8).flatMap(cuts ->
                Arbitraries.strings().ofMaxLength(6).map(insert -> {
                    StringBuilder text = new StringBuilder(SAMPLE);
                    for (int cut : cuts) {
                        int at = Math.min(cut, text.length());
                        text.replace(at, Math.min(text.length(), at + 3), insert);
                    }
                    return text.toString();
                }));
    }

    @Property(tries = 300, seed = FuzzSeed.VALUE)
    void randomTextNeverCrashesAndRatesStayWithinBounds(@ForAll("reportText") String text) {
        check(text);
    }

    @Property(tries = 200, seed = FuzzSeed.VALUE)
    void aMutatedSampleNeverCrashes(@ForAll("mutatedSample") String text) {
        check(text);
    }

    private static void check(String text) {
        ParsedReport parsed = ReportParser.parse("content/r.md", text);
        parsed.report().ifPresent(report -> {
            MetricExtractor.Extraction extraction = MetricExtractor.extract(report, MetricsConfig.defaults());
            for (Metric m : extraction.metrics()) {
                assertTrue(!m.label().isBlank() && Double.isFinite(m.value()) && m.value() >= 0, m.toString());
                assertTrue(Label.isName(m.label()), "a label is a name: " + m);
                assertTrue(!m.isRate() || m.value() <= 100, m.toString());
                assertTrue(m.line() >= 1 && m.line() <= text.split("\n", -1).length, m.toString());
            }
            IncidentExtractor.extract(report, MetricsConfig.defaults());
        });
    }

    /** The extractor's test for a word in a clause says what the pattern it replaced said, from any place in any text. */
    @Property(tries = 3000, seed = FuzzSeed.VALUE)
    void aWordIsFoundWhereThePatternFindsOne(@ForAll("mixedText") String text, @ForAll @net.jqwik.api.constraints.IntRange(max = 12) int from) {
        int start = Math.min(from, text.length());
        boolean byPattern = java.util.regex.Pattern.compile("[\\p{IsHan}A-Za-z]").matcher(text).region(start, text.length()).find();
        org.junit.jupiter.api.Assertions.assertEquals(byPattern, Label.hasWord(text, start), text + " from " + start);
    }

    @Provide
    Arbitrary<String> mixedText() {
        return Arbitraries.strings().withChars("aZ09 ,.%：，。〇々㐀中龥鿕\uF900\uFA6D\u3000\u2F00").withCharRange('\u4DB0', '\u4E10')
                .withCharRange('\u9FA0', '\uA000').withChars("\uD840\uDC00\uD87E\uDC00\uD83D\uDE00\uD800").ofMaxLength(12);
    }
}
