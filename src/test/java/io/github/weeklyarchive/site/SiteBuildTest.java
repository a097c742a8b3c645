package io.github.weeklyarchive.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.pipeline.BuildOptions;
import io.github.weeklyarchive.pipeline.BuildResult;
import io.github.weeklyarchive.pipeline.SiteBuilder;
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
        assertNull(week.selectFirst(".week-header .week-label"), "the title already says 第09周: no label repeating it");
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

    /** rustc-perf's triage logs head their sections with {@code ####}: the contents list them, from the report's own top level. */
    @Test
    void theContentsStartAtTheReportsOwnTopHeadingLevel(@TempDir Path work) throws Exception {
        Path source = work.resolve("src");
        TestSites.write(source.resolve("content/2024-01-02.md"), "# 2024-01-02 Triage Log\n\n2 Regressions, 3 Improvements\n\n"
                + "#### Regressions\n\nA change\n\n#### Improvements\n\n##### In rollups\n\nAnother\n");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("site"))).written());
        Document week = Jsoup.parse(work.resolve("site/2024/2024-01-02.html").toFile(), "UTF-8");
        assertEquals(List.of("toc-level-1 Regressions", "toc-level-1 Improvements", "toc-level-2 In rollups"),
                week.select("#toc li").stream().map(li -> li.className() + " " + li.text()).toList());
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
        assertEquals("h1", home.selectFirst("main").selectFirst("h1, h2, h3").tagName(), "the page's first heading is its h1");
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
        String firstTitle = ((org.w3c.dom.Element) entries.item(0)).getElementsByTagName("title").item(0).getTextContent();
        assertEquals("第10周 2023-03-03", firstTitle, "the week label is not repeated before a title that holds it");
        org.w3c.dom.Document sitemap = xml.newDocumentBuilder().parse(site.resolve("sitemap.xml").toFile());
        assertEquals(7, sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc").getLength(),
                "home, archive, metrics, incidents and three weeks; no projects page to list yet");
    }

    @Test
    void withoutTheSitesAddressTheFeedLinksRelativelyAndNoSitemapIsWritten(@TempDir Path work) throws Exception {
        Path out = work.resolve("site");
        assertTrue(SiteBuilder.build(BuildOptions.of(TestSites.threeWeeks(work.resolve("src")), out).withBaseUrl("/repo/")).written());
        assertFalse(Files.exists(out.resolve("sitemap.xml")), "a sitemap needs absolute addresses");
        String feed = Files.readString(out.resolve("feed.xml"));
        assertTrue(feed.contains("<link href=\"2023/2023-03-03.html\" rel=\"alternate\""), feed);
        assertTrue(feed.contains("<id>urn:weekly-archive:2023/2023-03-03.html</id>"), feed);
        assertFalse(feed.contains("<id>/</id>") || feed.contains("href=\"/repo"), feed);
    }

    @Test
    void scriptsInAReportAreDroppedAndMarkupQuotedAsCodeIsShownAsText() throws Exception {
        Document week = page("2023/2023-03-03.html");
        Element body = week.selectFirst(".week-body");
        assertTrue(body.select("script, img, [onerror]").isEmpty(), body.html());
        assertFalse(body.html().contains("window.__injected=1</script>"), "raw HTML is sanitised, not shown: " + body.html());
        assertTrue(body.select("code").eachText().containsAll(List.of("<script>window.__injected=1</script>", TestSites.INJECTION)), body.html());
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
    void metricsCsvHasTheContractHeaderAndEveryValueWithItsSource() throws Exception {
        List<String> lines = Files.readAllLines(site.resolve("data/metrics.csv"), StandardCharsets.UTF_8);
        assertEquals("date,week,metric,value,unit,section,source", lines.get(0));
        assertTrue(lines.contains("2023-02-24,第09周,入金有效成功率,99.98,%,系统运行数据 / 成功率,content/2023/2023-02-24-week09.md:13"), lines.toString());
        assertTrue(lines.contains("2023-02-24,第09周,事故数CD级,0,次,系统运行数据 / 可用性,content/2023/2023-02-24-week09.md:19"));
        assertTrue(lines.contains("2023-03-03,第10周,入金有效成功率,99.99,%,系统运行数据,content/2023/三月/第10周.md:10"));
        assertTrue(Files.readString(site.resolve("data/metrics.csv")).contains("\r\n"), "RFC 4180 line ends");
        Object json = new com.fasterxml.jackson.databind.ObjectMapper().readValue(Files.readString(site.resolve("data/metrics.json")), Object.class);
        assertEquals(lines.size() - 1, ((List<?>) json).size());
    }

    @Test
    void incidentsCsvHoldsEveryIncidentOfTheSample() throws Exception {
        List<String> lines = Files.readAllLines(site.resolve("data/incidents.csv"), StandardCharsets.UTF_8);
        assertEquals("date,time,week,summary,handling,cause,source", lines.get(0));
        assertEquals(7, lines.size());
        // Fields with commas are quoted (RFC 4180); the Chinese comma needs no quoting.
        assertEquals("2023-02-21,21:08,第09周,集团安全中心反馈API安全漏洞2个，存在未授权查询用户姓名身份证手机号的风险。,"
                + "关闭外网访问，并下线研发测试API文档(Swagger)互联网访问权限。,部分提供给贝壳业务系统内网访问的API，没有关闭外网访问。,"
                + "content/2023/2023-02-24-week09.md:109", lines.get(4));
    }

    @Test
    void theWeekPageShowsItsMetricsAsChipsWithTheirChange() throws Exception {
        Document week = page("2023/2023-02-24.html");
        Element chip = week.select(".chips a.chip").stream().filter(a -> a.text().startsWith("入金有效成功率")).findFirst().orElseThrow();
        assertEquals("入金有效成功率 99.98% +0.02 ✓向好", chip.text());
        assertEquals("good", chip.selectFirst(".metric-change").className().replace("metric-change ", ""));
        assertEquals("✓", chip.selectFirst(".metric-change .judgement").text(), "better or worse is not told by colour alone");
        assertEquals("/repo/metrics/deposit-success.html", chip.attr("href"));
        assertEquals("本周生产事件 6 起", week.selectFirst(".chip-incidents").text());
    }

    @Test
    void theMetricPageListsEveryWeekNewestFirstWithItsChart() throws Exception {
        Document dashboard = page("metrics/index.html");
        Element card = dashboard.select("a.metric-card").stream()
                .filter(a -> a.selectFirst(".metric-name").text().equals("入金有效成功率")).findFirst().orElseThrow();
        Document metric = page(card.attr("href").substring("/repo/".length()));
        assertEquals("入金有效成功率", metric.selectFirst("h1").text());
        assertEquals(List.of("2023-03-03", "2023-02-24", "2023-02-17"), metric.select("table.values tbody td:first-child").eachText());
        assertEquals(List.of("99.99%", "99.98%", "99.96%"), metric.select("table.values tbody td.num").eachText());
        String chart = metric.selectFirst(".chart-card img").attr("src").substring("/repo/".length());
        assertTrue(Files.readString(site.resolve(chart)).contains("<svg"));
        assertTrue(Files.exists(site.resolve(chart.replace(".light.svg", ".dark.svg"))));
        assertEquals("https://example.org/repo/charts/deposit-success.png", metric.selectFirst("meta[property=og:image]").attr("content"));
        assertTrue(Files.exists(site.resolve("charts/deposit-success.png")));
    }

    @Test
    void theHomePageAndDashboardShowOnlyTheLatestReportsNumbersAsCurrent() throws Exception {
        // 出金有效成功率 is stated on 02-17 and 02-24, not in the latest report (03-03): it is no longer this week's number.
        Document home = page("index.html");
        assertEquals(List.of("入金有效成功率"), home.select(".numbers .metric-name").eachText());
        Document dashboard = page("metrics/index.html");
        assertEquals(List.of("入金有效成功率"), dashboard.select(".metric-grid .metric-name").eachText());
        assertEquals("不再报告的指标", dashboard.selectFirst("h2").text());
        assertEquals(List.of("出金有效成功率 99.95% 最后一次 2023-02-24"), dashboard.select("ul.stopped li").eachText());
    }

    @Test
    void theIncidentLogListsEveryIncidentNewestFirstByMonth() throws Exception {
        Document log = page("incidents/index.html");
        assertEquals(List.of("2023-02"), log.select(".incident-month h2").eachText());
        List<Element> incidents = log.select("li.incident");
        assertEquals(6, incidents.size());
        assertTrue(incidents.get(0).selectFirst(".incident-summary").text().startsWith("银商切换银商总公司"));
        assertEquals("266笔，136笔，130笔", incidents.get(0).select("dd").get(0).text());
        assertTrue(log.selectFirst(".lead").text().startsWith("共 6 起事件，2 周有记录"), log.selectFirst(".lead").text());
    }

    @Test
    void aSiteOfItsOwnCanSwitchTheInterfaceToEnglishAndOverrideAnAsset(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        TestSites.write(source.resolve("jbake.properties"), "site.lang=en\nsite.title=Payments weekly, archived\n");
        TestSites.write(source.resolve("assets/css/site.css"), "body { color: rebeccapurple; }\n");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("out"))).written());
        Document home = Jsoup.parse(work.resolve("out/index.html").toFile(), "UTF-8");
        assertEquals("en", home.selectFirst("html").attr("lang"));
        assertEquals(List.of("Home", "Archive", "Metrics", "Incidents", "Commitments", "Tags", "Feed"), home.select(".site-nav a").eachText(),
                "no project reports progress twice yet; the sample makes dated promises");
        assertEquals("Payments weekly, archived", home.selectFirst(".site-title").text(), "a comma in a setting is kept");
        assertEquals("body { color: rebeccapurple; }\n", Files.readString(work.resolve("out/css/site.css")));
        Document incidents = Jsoup.parse(work.resolve("out/incidents/index.html").toFile(), "UTF-8");
        assertEquals("Incidents · Payments weekly, archived", incidents.title(), "page titles come from the bundle too");
        assertEquals("Feb 21", incidents.selectFirst(".incident-when time[datetime=2023-02-21]").text(), "dates written by Java are English");
        String chart = Files.readString(work.resolve("out/charts/deposit-success.light.svg"));
        assertTrue(chart.contains("Target &gt;= 99.95") && !chart.contains("目标"), "chart labels are English");
    }

    @Test
    void partsWithNothingToShowAreLeftOutOfTheNavigationAndTheirPagesSayHowToFillThem(@TempDir Path work) throws Exception {
        Path source = work.resolve("src");
        TestSites.write(source.resolve("content/2023-03-03.md"), "# 第10周 2023-03-03\n\n- 入金有效成功率：99.99%\n");
        TestSites.write(source.resolve("content/2023-03-10.md"), "# 第11周 2023-03-10\n\n- 入金有效成功率：99.98%\n");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("out"))).written());
        Document home = Jsoup.parse(work.resolve("out/index.html").toFile(), "UTF-8");
        assertEquals(List.of("首页", "归档", "指标", "订阅"), home.select(".site-nav a").eachText(), "no incidents, no projects, no tags");
        assertTrue(Jsoup.parse(work.resolve("out/tags/index.html").toFile(), "UTF-8").selectFirst(".empty").text().contains("tags: ["));
        Document incidents = Jsoup.parse(work.resolve("out/incidents/index.html").toFile(), "UTF-8");
        assertEquals(null, incidents.selectFirst("figure.chart-card"), "no empty chart of 0 incidents");
        assertTrue(incidents.selectFirst(".empty").text().contains("生产稳定性事件"), "the page says how to write one");
        assertTrue(Jsoup.parse(work.resolve("out/projects/index.html").toFile(), "UTF-8").selectFirst(".empty").text().contains("进度"));
        assertEquals(null, home.selectFirst(".commitments-foot"), "no dated promise, no count on the home page");
        assertTrue(Jsoup.parse(work.resolve("out/commitments/index.html").toFile(), "UTF-8").selectFirst(".empty").text().contains("预计2/28系统上线"));
    }

    @Test
    void theInterfaceSpeaksTheLanguageTheReportsAreWrittenInUnlessTheSiteSaysOtherwise(@TempDir Path work) throws Exception {
        Path source = work.resolve("src");
        for (int i = 0; i < 3; i++) {
            TestSites.write(source.resolve("content/2024-01-0" + (i + 3) + ".md"), "# Platform update " + (i + 1)
                    + "\n\n## Shipped\n\n- 446 pull requests were merged in the last week; the 上海 region went live\n");
        }
        assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("en"))).written());
        Document home = Jsoup.parse(work.resolve("en/index.html").toFile(), "UTF-8");
        assertEquals("en", home.selectFirst("html").attr("lang"));
        assertEquals("Archive", home.select(".site-nav a").get(1).text());

        TestSites.write(source.resolve("jbake.properties"), "site.lang=zh\n");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("zh"))).written());
        assertEquals("zh-CN", Jsoup.parse(work.resolve("zh/index.html").toFile(), "UTF-8").selectFirst("html").attr("lang"));

        Document chinese = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertEquals("zh-CN", chinese.selectFirst("html").attr("lang"), "the Chinese sample site, with no site.lang, stays Chinese");
        assertEquals("Weekly reports", home.selectFirst(".site-title").text(), "an English site gets an English title by default");
    }

    @Test
    void aChineseArchiveFullOfEnglishTermsAndLinksIsStillChinese(@TempDir Path work) throws Exception {
        Path source = work.resolve("src");
        TestSites.write(source.resolve("content/2023-06-01.md"), """
                # PLCT 开源进展·第 46 期·2023 年 6 月 1 日

                - 本期 RISC-V GCC 和 LLVM 的 RVV intrinsic 支持均已合入上游，相关补丁见 https://github.com/riscv-collab/riscv-gnu-toolchain/pull/1234
                - 完成 openEuler RISC-V 24.03 LTS 的构建与测试，QEMU user mode 下的回归测试全部通过，详见 https://gitee.com/openeuler/RISC-V/issues/I7ABC
                - V8 的 RISC-V 后端继续移植 Sparkplug 和 Maglev，持续集成已恢复正常，下周计划开始性能调优
                """);
        assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("out"))).written());
        assertEquals("zh-CN", Jsoup.parse(work.resolve("out/index.html").toFile(), "UTF-8").selectFirst("html").attr("lang"));
    }

    @Test
    void aTitleIsShownOnceAndAnIssueNumberItHoldsIsNotRepeated(@TempDir Path work) throws Exception {
        Path source = work.resolve("src");
        TestSites.write(source.resolve("content/2024-01-03.md"), "Title: This Week in Rust 529\nNumber: 529\nDate: 2024-01-03\n\n"
                + "# This Week in Rust 529\n\n- Hello\n");
        TestSites.write(source.resolve("content/2024-01-10.md"), "---\ntitle: Weekly 12\ndate: 2024-01-10\n---\n# Weekly 12\n\nBody\n");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("out"))).written());
        Document week = Jsoup.parse(work.resolve("out/2024/2024-01-10.html").toFile(), "UTF-8");
        assertEquals(1, week.select("h1:contains(Weekly 12)").size(), "the body's repeat of the title is dropped");
        Document archive = Jsoup.parse(work.resolve("out/archive.html").toFile(), "UTF-8");
        assertEquals("This Week in Rust 529", archive.select(".week-row a").stream().filter(a -> a.attr("href").endsWith("2024-01-03.html"))
                .findFirst().orElseThrow().text(), "#529 is not shown before a title that holds 529");
    }
}
