package io.github.weeklyarchive.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.SourceText;
import io.github.weeklyarchive.testing.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The screening on real reports: ordinary report text (order counts, amounts, dates, versions, links,
 * 身份证 and 手机号 named without a number) must give no finding, or an author stops reading them.
 */
class RealReportsScreeningTest {

    /** The real reports of the shared corpus, beside this worktree; absent on CI, where the test is skipped. */
    private static final Path CORPORA = Path.of("..", "shared", "corpora");

    @Test
    void theSampleAndTheSitesOwnReportsHaveNoFinding() throws IOException {
        assertEquals(List.of(), Screener.screen(Sample.PATH, Sample.text(), ScreeningRules.defaults()));
        Path content = Path.of("content");
        if (Files.isDirectory(content)) { // a user who replaced the sample may have removed it
            assertEquals(List.of(), screenAll(content, ScreeningRules.defaults()));
        }
    }

    /**
     * PLCT's monthly is a public newsletter: it prints its editors' and mailing lists' addresses on purpose, so
     * its site accepts e-mail with one line of settings. Then the only findings left are two true ones, kept here
     * as they were verified by reading them: a company's phone number quoted from its announcement, and the
     * access code of a meeting recording, both published on purpose and both exactly what the check is for.
     */
    @Test
    void thePlctArchiveHasNoFalseAlarm() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPORA), "no shared corpus at " + CORPORA.toAbsolutePath());
        ScreeningRules publicNewsletter = ScreeningRules.parse("jbake.properties", "email", ScreeningRules.DEFAULT_INTERNAL_HOSTS, 1).rules();
        List<String> found = screenAll(CORPORA, publicNewsletter).stream()
                .map(p -> CORPORA.relativize(Path.of(p.path())) + ":" + p.line() + ":" + p.column() + " " + p.message().replaceFirst(" must not.*", ""))
                .toList();
        assertEquals(List.of(
                "plct-weekly/2019/2019-12-02.md:42:140 a mainland mobile number (170******92)",
                "plct-weekly/2021/2021-09-01.md:207:39 a password (密码：***)",
                "plct-weekly/2021/2021-09-01.md:226:39 a password (密码：***)"), found);
        assertTrue(screenAll(CORPORA, ScreeningRules.defaults()).size() > found.size(), "without the setting, the addresses are found");
    }

    private static List<Problem> screenAll(Path folder, ScreeningRules rules) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().flatMap(f -> {
                try {
                    String text = SourceText.decode(f.toString(), Files.readAllBytes(f)).text().orElseThrow();
                    return Screener.screen(f.toString(), text, rules).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
