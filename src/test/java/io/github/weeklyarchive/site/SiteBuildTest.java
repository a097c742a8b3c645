package io.github.weeklyarchive.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/** Builds the three-week sample site once and checks the pages a reader gets. */
class SiteBuildTest {

    @TempDir
    static Path dir;
    static Path site;
    static BuildResult result;

    @BeforeAll
    static void build() throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        site = dir.resolve("site");
        result = SiteBuilder.build(BuildOptions.of(source, site).withBaseUrl("https://example.org/repo/"));
    }

    private static Document page(String path) throws Exception {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void theBuildSucceedsWithoutProblems() {
        assertEquals(List.of(), result.problems());
        assertTrue(result.written());
        assertEquals(3, result.weeks());
    }

    @Test
    void everyWeekHasAnAsciiAddressDerivedFromItsDate() throws Exception {
        for (String page : List.of("index.html", "archive.html", "404.html", "feed.xml", "sitemap.xml", "tags/index.html",
                "2023/2023-02-17.html", "2023/2023-02-24.html", "2023/2023-03-03.html", "css/site.css", "js/site.js")) {
            assertTrue(Files.isRegularFile(site.resolve(page)), page);
        }
        try (Stream<Path> files = Files.walk(site.resolve("2023"))) {
            assertEquals(3, files.filter(Files::isRegularFile).count(), "no page for the non-ASCII file name itself");
        }
    }

    @Test
    void theWeekPageShowsTheAuthorsLabelDateContentsAndNeighbours() throws Exception {
        Document week = page("2023/2023-02-24.html");
        assertEquals("第09周 2023-02-24 · 周报归档", week.title());
        assertEquals("第09周", week.selectFirst(".week-header .week-label").text());
        assertEquals("第09周 2023-02-24", week.selectFirst("h1.week-title").text());
        assertEquals("2023-02-24", week.selectFirst(".week-meta time").attr("datetime"));
        assertEquals("导出于 2023年11月29日 20:58", week.selectFirst(".week-exported").text());
        List<String> toc = week.select("#toc a").eachAttr("href");
        assertEquals(13, toc.size());
        assertEquals("#系统运行数据", toc.get(1));
        for (String anchor : toc) {
            assertTrue(week.getElementById(anchor.substring(1)) != null, "anchor target exists: " + anchor);
        }
        assertEquals("/repo/2023/2023-02-17.html", week.selectFirst("a[rel=prev]").attr("href"));
        assertEquals("/repo/2023/2023-03-03.html", week.selectFirst("a[rel=next]").attr("href"));
        assertTrue(week.selectFirst(".week-body").text().contains("入金有效成功率：99.98%"));
        assertEquals("/repo/css/site.css", week.selectFirst("link[rel=stylesheet]").attr("href"));
    }

    @Test
    void theFirstAndLastWeeksHaveOneNeighbourEach() throws Exception {
        assertEquals(null, page("2023/2023-02-17.html").selectFirst("a[rel=prev]"));
        assertEquals("/repo/2023/2023-02-24.html", page("2023/2023-02-17.html").selectFirst("a[rel=next]").attr("href"));
        assertEquals(null, page("2023/2023-03-03.html").selectFirst("a[rel=next]"));
    }

    @Test
    void theHomePageLeadsWithTheLatestWeekThenTheRecentOnes() throws Exception {
        Document home = page("index.html");
        assertEquals("第10周 2023-03-03", home.selectFirst(".latest-card .week-title").text());
        assertEquals(List.of("/repo/2023/2023-02-24.html", "/repo/2023/2023-02-17.html"), home.select(".recent .week-row a").eachAttr("href"));
        assertTrue(home.select(".latest-sections a").eachAttr("href").contains("/repo/2023/2023-03-03.html#系统运行数据"));
    }

    @Test
    void theArchiveGroupsWeeksByYearAndMonthNewestFirst() throws Exception {
        Document archive = page("archive.html");
        assertEquals(List.of("2023年"), archive.select("h2.archive-year").eachText());
        assertEquals(List.of("3月", "2月"), archive.select(".archive-month h3").eachText());
        assertEquals(List.of(1, 2), archive.select(".archive-month").stream().map(m -> m.select(".week-row").size()).toList());
    }

    @Test
    void tagPagesListTheirWeeks() throws Exception {
        Document tags = page("tags/index.html");
        assertEquals(java.util.Set.of("支付 2", "数仓 1"), java.util.Set.copyOf(tags.select(".tag-cloud a").eachText()));
        Document pay = page("tags/支付.html");
        assertEquals(2, pay.select(".week-row").size());
        assertEquals("/repo/tags/%E6%94%AF%E4%BB%98.html", page("2023/2023-02-17.html").selectFirst(".week-meta a.tag").attr("href"));
    }

    @Test
    void theFeedAndSitemapAreValidXmlWithAbsoluteLinks() throws Exception {
        var xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        org.w3c.dom.Document feed = xml.newDocumentBuilder().parse(site.resolve("feed.xml").toFile());
        NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertEquals(3, entries.getLength());
        String firstLink = ((org.w3c.dom.Element) ((org.w3c.dom.Element) entries.item(0)).getElementsByTagName("link").item(0)).getAttribute("href");
        assertEquals("https://example.org/repo/2023/2023-03-03.html", firstLink);
        org.w3c.dom.Document sitemap = xml.newDocumentBuilder().parse(site.resolve("sitemap.xml").toFile());
        assertEquals(5, sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc").getLength());
    }

    @Test
    void scriptsAndMarkupWrittenInAReportAreShownAsText() throws Exception {
        Document week = page("2023/2023-03-03.html");
        Element body = week.selectFirst(".week-body");
        assertTrue(body.select("script, img").isEmpty(), body.html());
        assertTrue(body.text().contains("<script>window.__injected=1</script>"));
        assertTrue(body.text().contains(TestSites.INJECTION));
    }

    @Test
    void noPageCarriesTemplateErrorText() throws Exception {
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file, StandardCharsets.UTF_8);
                assertFalse(html.contains("FreeMarker") || html.contains("freemarker.") || html.contains("Exception"), file.toString());
            }
        }
    }

    @Test
    void aFailedBuildLeavesThePreviousOutputUntouched(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Path output = work.resolve("out");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, output)).written());
        byte[] index = Files.readAllBytes(output.resolve("index.html"));
        Files.writeString(output.resolve("kept.txt"), "from the last good build");

        TestSites.write(source.resolve("content/notes.md"), "# 随手记\n\n没有日期的笔记\n");
        Files.write(source.resolve("content/2023/gbk.md"), new byte[] {'#', ' ', (byte) 0xB3, (byte) 0xC9});
        Files.writeString(source.resolve("content/empty.md"), "");
        BuildResult failed = SiteBuilder.build(BuildOptions.of(source, output));

        assertFalse(failed.written());
        assertEquals(List.of("content/2023/gbk.md:1: error", "content/empty.md:1: error", "content/notes.md:1: error"),
                failed.problems().stream().map(p -> p.toString().replaceFirst("(: error).*", "$1")).toList());
        assertArrayEquals(index, Files.readAllBytes(output.resolve("index.html")));
        assertEquals("from the last good build", Files.readString(output.resolve("kept.txt")));
        try (Stream<Path> siblings = Files.list(work)) {
            assertEquals(List.of("out", "src"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aSuccessfulBuildRemovesPagesOfDeletedWeeks(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Path output = work.resolve("out");
        SiteBuilder.build(BuildOptions.of(source, output));
        assertTrue(Files.exists(output.resolve("2023/2023-02-17.html")));
        Files.delete(source.resolve("content/2023/2023-02-17.md"));
        assertTrue(SiteBuilder.build(BuildOptions.of(source, output)).written());
        assertFalse(Files.exists(output.resolve("2023/2023-02-17.html")));
    }

    @Test
    void aTemplateErrorFailsTheBuildAtItsLineAndWritesNothing(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        TestSites.write(source.resolve("templates/post.ftl"), "<#ftl output_format=\"HTML\">\n<h1>${content.title}</h1>\n<p>${content.no_such_field}</p>\n");
        BuildResult failed = SiteBuilder.build(BuildOptions.of(source, work.resolve("out")));
        assertFalse(failed.written());
        assertFalse(Files.exists(work.resolve("out")));
        Problem problem = failed.problems().get(0);
        assertEquals("templates/post.ftl", problem.path());
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("content.no_such_field"), problem.message());
    }

    @Test
    void aFolderThatIsNotASiteIsNeverReplaced(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Path precious = Files.createDirectories(work.resolve("documents"));
        Files.writeString(precious.resolve("thesis.txt"), "do not delete");
        BuildResult refused = SiteBuilder.build(BuildOptions.of(source, precious));
        assertFalse(refused.written());
        assertTrue(refused.problems().get(0).message().startsWith("the output folder is not empty and holds no site"));
        assertEquals("do not delete", Files.readString(precious.resolve("thesis.txt")));
    }
}
