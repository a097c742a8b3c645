package io.github.weeklyarchive.report;

import io.github.weeklyarchive.testing.FuzzSeed;
import static io.github.weeklyarchive.testing.ReportMutations.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import io.github.weeklyarchive.testing.ReportMutations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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

    /**
     * A body in which the autolink extension can find no link is parsed without it (it classifies every node first):
     * that parser must give the same tree, node for node, and the same HTML. Generated texts hold near misses and
     * links spelled with escapes and entities; each is tried as it is (when the gate lets it through) and with what
     * could start a link ({@code @}, {@code &}, {@code \\}, {@code ://}, {@code www.}) broken up.
     */
    @Property(tries = 1000, seed = FuzzSeed.VALUE)
    void withoutWhatMakesAnAutolinkTheLighterParserGivesTheSameTree(@ForAll("nearAutolinks") String text) {
        String broken = withoutAutolinkStarts(text);
        assertFalse(ReportParser.mayHoldAutolink(broken), broken);
        for (String body : List.of(text, broken)) {
            if (!ReportParser.mayHoldAutolink(body)) {
                within(PER_CASE, () -> onLargeStack(() -> {
                    Document full = ReportParser.MARKDOWN.parse(body);
                    Document lighter = ReportParser.MARKDOWN_WITHOUT_AUTOLINKS.parse(body);
                    assertEquals(tree(full), tree(lighter), body);
                    assertEquals(ReportParser.HTML.render(full), ReportParser.HTML.render(lighter), body);
                }));
            }
        }
    }

    /** Runs {@code work} on a thread with a stack as large as the parser's retry has: flexmark recurses per character of a long line. */
    private static Void onLargeStack(Runnable work) {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                work.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "large-stack", 64L << 20);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure[0] instanceof AssertionError e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        return null;
    }

    @Provide
    Arbitrary<String> nearAutolinks() {
        Arbitrary<String> nearMiss = Arbitraries.of("http:", "https:/", ":/", "//", "/ /", "ww.", "w.w", "WWW", "wwW", ".org", "mailto:",
                "<http:", "ftp:", "a:b", "x:", "/", ":", ".", "w", "example.org", "[a](http:", "<", ">", " ", "\n",
                // what spells a link's start only once escapes and entities are decoded
                "\\:", "\\/", "\\.", "\\@", "&#64;", "&commat;", "&colon;", "&#58;", "&sol;", "&#x2F;", "&period;", "&#46;", "&#119;");
        Arbitrary<String> piece = Arbitraries.oneOf(nearMiss, ReportMutations.randomReports(),
                ReportMutations.mutatedReports().map(ReportMutations.Mutated::text));
        return piece.list().ofMinSize(1).ofMaxSize(6).map(pieces -> String.join("", pieces));
    }

    /** {@code text} with each character or run that could start an autolink broken up, the rest as it was. */
    private static String withoutAutolinkStarts(String text) {
        String out = text.replace("@", "(at)").replace("&", "+").replace("\\", "/");
        String before;
        do {
            before = out;
            out = out.replace("://", ":/ /").replaceAll("(?i)www\\.", "ww w.");
        } while (!out.equals(before));
        return out;
    }

    /** Every node of a tree in document order: its type, where it is and its characters. */
    private static String tree(Node root) {
        StringBuilder dump = new StringBuilder();
        for (Node node : root.getDescendants()) {
            dump.append(node.getClass().getSimpleName()).append(' ').append(node.getStartOffset()).append('-')
                    .append(node.getEndOffset()).append(' ').append(node.getChars()).append('\n');
        }
        return dump.toString();
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
