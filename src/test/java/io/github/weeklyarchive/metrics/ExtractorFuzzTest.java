package io.github.weeklyarchive.metrics;

import io.github.weeklyarchive.testing.FuzzSeed;
import static io.github.weeklyarchive.testing.ReportMutations.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.commitments.CommitmentExtractor;
import io.github.weeklyarchive.commitments.CommitmentsConfig;
import io.github.weeklyarchive.commitments.Statement;
import io.github.weeklyarchive.report.ParsedReport;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import io.github.weeklyarchive.testing.ReportMutations;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The metric, incident and commitment extractors read any report the parser accepts, the real sample and a migrated
 * week damaged every way {@link ReportMutations} knows, without an exception or a hang, and what they
 * find points at a line of the file (and a promise is due no earlier than its report was written).
 */
class ExtractorFuzzTest {

    private static final Duration PER_CASE = Duration.ofSeconds(10);
    private static final MetricsConfig CONFIG = MetricsConfig.defaults();

    @Provide
    Arbitrary<ReportMutations.Mutated> mutatedReports() {
        return ReportMutations.mutatedReports();
    }

    @Provide
    Arbitrary<String> randomReports() {
        return ReportMutations.randomReports();
    }

    @Property(tries = 400, seed = FuzzSeed.VALUE)
    void aMutatedReportIsExtractedWithoutAnExceptionOrAHang(@ForAll("mutatedReports") ReportMutations.Mutated mutated) {
        check(mutated.text());
    }

    @Property(tries = 300, seed = FuzzSeed.VALUE)
    void randomMarkdownIsExtractedWithoutAnExceptionOrAHang(@ForAll("randomReports") String text) {
        check(text);
    }

    @Test
    void aLongRunOfSpacesInALabelIsExtractedInLinearTime() {
        Report report = ReportParser.parse("content/2023/r.md", "# 第09周 2023-02-24\n\n## 可用性\n\n- 支付系统" + " ".repeat(60_000)
                + "年度可用性：100%\n").report().orElseThrow();
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> MetricExtractor.extract(report, CONFIG));
    }

    private static void check(String text) {
        ParsedReport parsed = ReportParser.parse("content/2023/r.md", text);
        if (parsed.report().isEmpty()) {
            return;
        }
        Report report = parsed.report().get();
        long lines = text.lines().count() + 1;
        MetricExtractor.Extraction extraction = within(PER_CASE, () -> MetricExtractor.extract(report, CONFIG));
        for (Metric m : extraction.metrics()) {
            assertTrue(!m.label().isBlank() && Double.isFinite(m.value()) && m.line() >= 1 && m.line() <= lines, m.toString());
        }
        IncidentExtractor.WeekIncidents incidents = within(PER_CASE, () -> IncidentExtractor.extract(report, CONFIG));
        for (Incident incident : incidents.incidents()) {
            assertTrue(incident.line() >= 1 && incident.line() <= lines, incident.toString());
        }
        for (Problem problem : extraction.problems()) {
            assertTrue(problem.line() >= 1 && problem.line() <= lines, problem.toString());
        }
        for (Statement s : within(PER_CASE, () -> CommitmentExtractor.extract(report, CommitmentsConfig.defaults()))) {
            assertTrue(s.line() >= 1 && s.line() <= lines, s.toString());
            assertTrue(s.kind() != Statement.Kind.PROMISE || !s.date().orElseThrow().isBefore(report.date()), s.toString());
        }
    }
}
