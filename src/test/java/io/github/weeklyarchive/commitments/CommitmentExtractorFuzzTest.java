package io.github.weeklyarchive.commitments;

import static io.github.weeklyarchive.testing.ReportMutations.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.ParsedReport;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import io.github.weeklyarchive.testing.FuzzSeed;
import io.github.weeklyarchive.testing.ReportMutations;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The commitment extractor reads any report the parser accepts (the sample damaged every way {@link ReportMutations}
 * knows, random Markdown) without an exception or a hang, and every promise it finds points at a line of the file
 * and is due no earlier than the report was written.
 */
class CommitmentExtractorFuzzTest {

    private static final Duration PER_CASE = Duration.ofSeconds(10);

    @Provide
    Arbitrary<ReportMutations.Mutated> mutatedReports() {
        return ReportMutations.mutatedReports();
    }

    @Provide
    Arbitrary<String> randomReports() {
        return ReportMutations.randomReports();
    }

    @Property(tries = 300, seed = FuzzSeed.VALUE)
    void aMutatedReportIsReadWithoutAnExceptionOrAHang(@ForAll("mutatedReports") ReportMutations.Mutated mutated) {
        check(mutated.text());
    }

    @Property(tries = 300, seed = FuzzSeed.VALUE)
    void randomMarkdownIsReadWithoutAnExceptionOrAHang(@ForAll("randomReports") String text) {
        check(text);
    }

    /** Found in This Week in Rust: a line of nothing but punctuation once stopped the build. */
    @Test
    void aLineOfOnlyFullStops() {
        Report report = ReportParser.parse("content/2023/r.md", "# 周报 2023-02-24\n\n!!!\n\n。。。\n\n- ？\n").report().orElseThrow();
        assertEquals(List.of(), CommitmentExtractor.extract(report, CommitmentsConfig.defaults()));
    }

    private static void check(String text) {
        ParsedReport parsed = ReportParser.parse("content/2023/r.md", text);
        if (parsed.report().isEmpty()) {
            return;
        }
        Report report = parsed.report().get();
        long lines = text.lines().count() + 1;
        for (Statement s : within(PER_CASE, () -> CommitmentExtractor.extract(report, CommitmentsConfig.defaults()))) {
            assertTrue(s.line() >= 1 && s.line() <= lines, s.toString());
            assertTrue(s.kind() != Statement.Kind.PROMISE || !s.date().orElseThrow().isBefore(report.date()), s.toString());
        }
    }
}
