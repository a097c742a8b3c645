package io.github.weeklyarchive.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every header format archives arrive with is read as metadata and never shown in the body. */
class FrontMatterTest {

    private static Report parse(String path, String text) {
        ParsedReport parsed = ReportParser.parse(path, text);
        assertTrue(parsed.report().isPresent(), () -> "expected a report, got " + parsed.problems());
        assertEquals(List.of(), parsed.problems());
        return parsed.report().get();
    }

    @Test
    void hugoTomlBetweenPlusLines() {
        Report report = parse("content/posts/weekly-12.md", """
                +++
                title = "Platform weekly 12"
                date = 2023-03-17
                tags = ["payments", "data"]
                draft = true
                [params]
                author = "lead"
                +++

                ## Done

                - shipped the reconciliation job
                """);
        assertEquals("Platform weekly 12", report.title());
        assertEquals(LocalDate.of(2023, 3, 17), report.date());
        assertEquals(List.of("payments", "data"), report.tags());
        assertTrue(report.draft());
        assertFalse(report.html().contains("+++") || report.html().contains("title ="), report.html());
    }

    @Test
    void jbakesOwnHeaderEndedByTildes() {
        Report report = parse("content/blog/2013/second-post.md", """
                title=Second Post
                date=2013-10-05
                type=post
                tags=blog, jbake
                status=draft
                ~~~~~~

                Lorem ipsum dolor sit amet.
                """);
        assertEquals("Second Post", report.title());
        assertEquals(LocalDate.of(2013, 10, 5), report.date());
        assertEquals(List.of("blog", "jbake"), report.tags());
        assertTrue(report.draft());
        assertTrue(report.html().startsWith("<p>Lorem ipsum"), report.html());
    }

    @Test
    void pelicanKeyValueLinesWithAnIssueNumberAsTheLabel() {
        Report report = parse("content/2024-01-03-this-week-in-rust.md", """
                Title: This Week in Rust 529
                Number: 529
                Date: 2024-01-03
                Category: This Week in Rust
                Tags: rust, newsletter

                Hello and welcome to another issue of *This Week in Rust*!

                ## Updates from Rust Community
                """);
        assertEquals("This Week in Rust 529", report.title(), "not the first heading");
        assertEquals(LocalDate.of(2024, 1, 3), report.date());
        assertEquals(Optional.of("#529"), report.weekLabel());
        assertEquals(List.of("rust", "newsletter"), report.tags());
        assertFalse(report.draft());
        assertFalse(report.html().contains("Number:") || report.html().contains("Category"), report.html());
        assertTrue(report.html().startsWith("<p>Hello and welcome"), report.html());
    }

    @Test
    void pelicanStatusDraftIsADraft() {
        assertTrue(parse("content/x.md", "Title: 草稿\nDate: 2024-01-10\nStatus: draft\n\n正文\n").draft());
        assertFalse(parse("content/y.md", "Title: 已发\nDate: 2024-01-17\nStatus: published\n\n正文\n").draft());
    }

    @Test
    void aLineThatOnlyLooksLikeAHeaderStaysInTheBody() {
        Report notion = parse("content/2023-02-24.md", "Created: 2023年11月29日 20:58\n\n# 第09周 2023-02-24\n\n- 正文\n");
        assertEquals(Optional.of("2023年11月29日 20:58"), notion.exportStamp(), "a Notion stamp is not a metadata header");
        Report metric = parse("content/2023-03-03.md", "入金有效成功率: 99.98%\n\n# 第10周 2023-03-03\n");
        assertTrue(metric.html().contains("入金有效成功率: 99.98%"), metric.html());
        Report prose = parse("content/2023-03-10.md", "# 第11周 2023-03-10\n\nNote: the deploy moved to Friday.\n");
        assertTrue(prose.html().contains("Note: the deploy moved"), prose.html());
    }

    @Test
    void anIssueNumberInTheTitleIsTheLabel() {
        Report issue = ReportParser.parse("content/issue-300.md", "---\ndate: 2024-05-10\n---\n# 科技爱好者周刊（第 300 期）：开源的困境\n").report().orElseThrow();
        assertEquals(Optional.of("第 300 期"), issue.weekLabel());
    }

    @Test
    void aBrokenTomlBlockIsAnErrorAtItsLine() {
        ParsedReport parsed = ReportParser.parse("content/bad.md", "+++\ntitle = \"unclosed\ndate = 2023-03-17\n+++\nbody\n");
        assertTrue(parsed.report().isEmpty());
        Problem problem = parsed.problems().get(0);
        assertEquals(2, problem.line(), problem.toString());
        assertTrue(problem.message().startsWith("front matter is not valid TOML"), problem.toString());
    }
}
