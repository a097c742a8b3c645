package io.github.weeklyarchive.report;

import io.github.weeklyarchive.testing.FuzzSeed;
import static io.github.weeklyarchive.testing.ReportMutations.within;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.ReportMutations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a report holds, parsing ends in a page or in problems pinned to a line, never in an
 * exception or a hang, and nothing from the report can run in a reader's browser.
 */
class ReportFuzzTest {

    private static final String PATH = "content/2023/r.md";
    private static final Duration PER_CASE = Duration.ofSeconds(10);
    private static final Pattern PROBLEM = Pattern.compile("content/2023/r\\.md:\\d+: (error|warning): \\S.*", Pattern.DOTALL);

    @Provide
    Arbitrary<ReportMutations.Mutated> mutatedReports() {
        return ReportMutations.mutatedReports();
    }

    @Provide
    Arbitrary<String> randomReports() {
        return ReportMutations.randomReports();
    }

    /** A mutated report as a file gives it: bytes, sometimes cut inside a character or given a stray byte. */
    @Provide
    Arbitrary<byte[]> mutatedFiles() {
        return Combinators.combine(ReportMutations.mutatedReports().map(ReportMutations.Mutated::text), Arbitraries.doubles().between(0, 1),
                Arbitraries.of(-1, 0x80, 0xC3, 0xE6, 0xED, 0xF4, 0xFF, 0xEF)).as((text, at, stray) -> {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    if (stray < 0 || bytes.length == 0) {
                        return bytes;
                    }
                    int position = (int) (at * (bytes.length - 1));
                    bytes[position] = (byte) (int) stray;
                    return bytes;
                });
    }

    @Property(tries = 700, seed = FuzzSeed.VALUE)
    void aMutatedReportIsAPageOrProblemsAndNothingInItRuns(@ForAll("mutatedReports") ReportMutations.Mutated mutated) {
        String text = mutated.text();
        check(within(PER_CASE, () -> ReportParser.parse(PATH, text)), text);
    }

    @Property(tries = 700, seed = FuzzSeed.VALUE)
    void randomMarkdownIsAPageOrProblemsAndNothingInItRuns(@ForAll("randomReports") String text) {
        check(within(PER_CASE, () -> ReportParser.parse(PATH, text)), text);
    }

    @Property(tries = 300, seed = FuzzSeed.VALUE)
    void aDamagedFileIsAPageOrProblemsAndNothingInItRuns(@ForAll("mutatedFiles") byte[] bytes) {
        check(within(PER_CASE, () -> ReportParser.parse(PATH, bytes)), new String(bytes, StandardCharsets.UTF_8));
    }

    @Property(tries = 2000, seed = FuzzSeed.VALUE)
    void theDateFinderReadsAnyTextAndFileName(@ForAll("dateLike") String text) {
        within(PER_CASE, () -> {
            DateFinder.Found inText = DateFinder.inText(text);
            DateFinder.Found inName = DateFinder.inFileName(text);
            for (DateFinder.Found found : new DateFinder.Found[] {inText, inName}) {
                assertFalse(found.date().isPresent() && found.invalid().isPresent(), found.toString());
            }
            return null;
        });
    }

    @Provide
    Arbitrary<String> dateLike() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("2023", "２０２３", "1999", "99999", "0000", "-", "/", ".", "_", "年", "月", "日", "号", "第", "周", "（", "(", "）",
                        ")", "~", "至", "–", " ", "\t", "\u0000", "\uD800", "12", "31", "0", "00", "2/30", "13", "W09", "week 9"),
                Arbitraries.strings().ofMaxLength(6),
                Arbitraries.strings().numeric().ofMaxLength(12));
        return piece.list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }

    private static void check(ParsedReport parsed, String text) {
        for (Problem problem : parsed.problems()) {
            assertTrue(PROBLEM.matcher(problem.toString()).matches(), problem.toString());
            assertFalse(problem.message().startsWith("internal error"), () -> "the guard caught a bug: " + problem);
        }
        if (parsed.report().isEmpty()) {
            assertTrue(parsed.problems().stream().anyMatch(Problem::isError), "no report and no error: " + parsed.problems());
            return;
        }
        Report report = parsed.report().get();
        SafeHtml.assertNothingRuns(report);
        long lineCount = text.lines().count() + 1;
        for (SourceLine line : report.lines()) {
            assertTrue(line.line() >= 1 && line.line() <= lineCount && !line.text().isBlank(), line.toString());
        }
        for (TableRow row : report.tableRows()) {
            assertTrue(row.line() >= 1 && row.line() <= lineCount, row.toString());
        }
    }
}
