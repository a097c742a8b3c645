package io.github.weeklyarchive.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.ReportMutations;
import io.github.weeklyarchive.testing.Sample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportParserTest {

    static final String SAMPLE_PATH = "content/2023/2023-02-24-week09.md";

    static String sample() throws Exception {
        return io.github.weeklyarchive.testing.Sample.text();
    }

    private static Report parseOk(String path, String text) {
        ParsedReport parsed = ReportParser.parse(path, text);
        assertTrue(parsed.report().isPresent(), () -> "expected a report, got " + parsed.problems());
        return parsed.report().get();
    }

    @Test
    void theSampleReportKeepsTheAuthorsMetadata() throws Exception {
        ParsedReport parsed = ReportParser.parse(SAMPLE_PATH, sample());
        assertEquals(List.of(), parsed.problems());
        Report report = parsed.report().orElseThrow();
        assertEquals("第09周 2023-02-24", report.title());
        // 2023-02-24 is ISO week 8: the author's label is kept as written, never corrected.
        assertEquals(LocalDate.of(2023, 2, 24), report.date());
        assertEquals(Optional.of("第09周"), report.weekLabel());
        assertEquals("第09周", report.displayWeek());
        // The Notion export stamp is metadata, not the date, and not body text.
        assertEquals(Optional.of("2023年11月29日 20:58"), report.exportStamp());
        assertFalse(report.html().contains("Created:"));
        assertFalse(report.draft());
    }

    @Test
    void theSampleTitleAndItsRepeatAreTakenOutOfTheBody() throws Exception {
        Report report = parseOk(SAMPLE_PATH, sample());
        assertFalse(report.html().contains("第09周 2023-02-24"), "title heading is shown by the page, not the body");
        assertFalse(report.html().contains("第09周 2023/02/24"), "the repeated title line is dropped");
        assertTrue(report.html().startsWith("<h1 id=\"上周进展\">上周进展</h1>"), report.html().substring(0, 80));
    }

    @Test
    void theSampleHeadingsGetStableChineseAnchors() throws Exception {
        Report report = parseOk(SAMPLE_PATH, sample());
        List<String> ids = report.headings().stream().map(Heading::id).toList();
        assertEquals(List.of("上周进展", "系统运行数据", "o1-服务业务", "o2系统升级", "a-支付账户2-0升级", "b-pos收单系统建设",
                "c-hive标准数仓建设", "d-数据安全与个人信息保护", "o3-安全稳定-降本提效", "其他", "本周收获与反思",
                "下周工作及目标", "日报合集"), ids);
        assertEquals(new Heading(2, "【系统运行数据】", "系统运行数据"), report.headings().get(1));
        assertTrue(report.html().contains("<h3 id=\"c-hive标准数仓建设\">C. HIVE标准数仓建设</h3>"));
    }

    @Test
    void aFirstHeadingThatRepeatsTheFrontMatterTitleInOtherCapitalsIsNotShownTwice() {
        // As nushell.github.io's "This week in Nushell" posts since 2024 write it.
        Report report = parseOk("content/2026-08-21-twin0365.md", """
                ---
                title: 'This week in Nushell #365'
                ---

                # This Week in Nushell #365

                ## Nushell

                - fixed redirection
                """);
        assertEquals("This week in Nushell #365", report.title());
        assertEquals(List.of("nushell"), report.headings().stream().map(Heading::id).toList());
        assertEquals(Optional.of("#365"), report.weekLabel(), "a newsletter's issue number is its label");
        assertEquals(Optional.of("#274"), parseOk("content/2024/274.md", "# 老司机 iOS 周报 #274 | 2024-01-08\n\n正文\n").weekLabel());
        assertEquals(Optional.empty(), parseOk("content/2024-01-08.md", "# 周报 2024-01-08 C#12 发布\n\n正文\n").weekLabel(),
                "a number after a letter (C#12) is no issue number");
    }

    @Test
    void aLinkToAHeadingByItsGitHubAnchorLeadsToItsIdHere() {
        // As written in SwiftOldDriver/iOS-Weekly #16: GitHub keeps the space the emoji leaves, so its anchor starts with "-".
        Report report = parseOk("content/2018/16.md", """
                # 老司机 iOS 周报 #16 | 2018-04-23

                比如本期周报的[『JavaScriptCore 与 Promise 那点事』](#-javascriptcore-与-promise-那点事)就是出自他的小专栏。
                另见[第二个工具](#工具-1)、[转义的](#-javascriptcore-%E4%B8%8E-promise-%E9%82%A3%E7%82%B9%E4%BA%8B)、[引用式的][上期]和[本页没有的](#没有这一节)。

                [上期]: #-javascriptcore-与-promise-那点事

                ### 🐕 [JavaScriptCore 与 Promise 那点事](https://xiaozhuanlan.com/topic/9631852407)

                ## 工具

                ## 工具
                """);
        assertEquals(List.of("javascriptcore-与-promise-那点事", "工具", "工具-2"), report.headings().stream().map(Heading::id).toList());
        assertTrue(report.html().contains("<a href=\"#javascriptcore-与-promise-那点事\">『JavaScriptCore 与 Promise 那点事』</a>"), report.html());
        assertTrue(report.html().contains("<a href=\"#工具-2\">第二个工具</a>"), report.html());
        assertTrue(report.html().contains("<a href=\"#javascriptcore-与-promise-那点事\">转义的</a>"), report.html());
        assertTrue(report.html().contains("<a href=\"#javascriptcore-与-promise-那点事\">引用式的</a>"), report.html());
        assertTrue(report.html().contains("<a href=\"#没有这一节\">本页没有的</a>"), "a link to no heading is left as written: check reports it");
    }

    @Test
    void theSampleBodyKeepsListsLineBreaksAndNumbers() throws Exception {
        Report report = parseOk(SAMPLE_PATH, sample());
        assertTrue(report.html().contains("<li>入金有效成功率：99.98%</li>"));
        // Notion writes 处置 on the line after the incident: the line break is kept.
        assertTrue(report.html().contains("转至人工审核。<br />\n处置：联系相关研发，19:40服务恢复"));
        Section o3 = report.sections().stream().filter(s -> s.id().equals("o3-安全稳定-降本提效")).findFirst().orElseThrow();
        assertEquals("【O3 安全稳定、降本提效】", o3.heading());
        assertTrue(o3.text().contains("钱包发出OOM告警"));
        assertTrue(o3.text().contains("API文档(Swagger)"));
    }

    @Test
    void frontMatterWinsOverTheTitleAndTheFileName() {
        Report report = parseOk("content/notes/2020-01-01.md", """
                ---
                title: 支付组周报
                date: 2023-03-03
                week: 第10周
                tags: [支付, 数仓]
                draft: true
                ---
                # 第09周 2023-02-24

                - 入金有效成功率：99.97%
                """);
        assertEquals("支付组周报", report.title());
        assertEquals(LocalDate.of(2023, 3, 3), report.date());
        assertEquals(Optional.of("第10周"), report.weekLabel());
        assertEquals(List.of("支付", "数仓"), report.tags());
        assertTrue(report.draft());
        // With a front matter title, the first heading is content and stays.
        assertTrue(report.html().contains("第09周 2023-02-24"));
    }

    @Test
    void tagsMayBeWrittenAsACommaSeparatedString() {
        Report report = parseOk("content/a.md", "---\ntags: 支付，数仓, hive\ndate: '2023-03-03'\n---\n# 周报\n");
        assertEquals(List.of("支付", "数仓", "hive"), report.tags());
        assertEquals(LocalDate.of(2023, 3, 3), report.date());
    }

    @Test
    void tagsThatDifferOnlyInUnicodeNormalisationAreOneTagStoredNfc() {
        String composed = "caf\u00e9";
        String decomposed = "cafe\u0301";
        Report report = parseOk("content/a.md", "---\ntags: [" + decomposed + ", " + composed + ", 数仓]\ndate: 2023-03-03\n---\n# 周报\n");
        assertEquals(List.of(composed, "数仓"), report.tags());
        assertEquals(List.of(composed), parseOk("content/a.md", "---\ntags: " + decomposed + "\ndate: 2023-03-03\n---\n# 周报\n").tags());
    }

    @Test
    void theDateFallsBackToTheFileNameButNeverToANotionStamp() {
        Report report = parseOk("content/2023/2023-03-10.md", "# 本周进展\n\nCreated: 2023年11月29日 20:58\n\n- 一切正常\n");
        assertEquals(LocalDate.of(2023, 3, 10), report.date());
        assertEquals(Optional.empty(), report.weekLabel());
        assertEquals("2023-W10", report.displayWeek());
        assertEquals("", report.badge(), "a week number worked out from the date is not shown beside the title");
        assertEquals(Optional.of("2023年11月29日 20:58"), report.exportStamp());
    }

    @Test
    void theLabelBesideTheTitleIsTheAuthorsOwnUnlessTheTitleAlreadyCarriesIt() {
        assertEquals("", parseOk("content/issue-407.md", "---\ndate: 2026-08-07\n---\n# 科技爱好者周刊（第 407 期）：国家为什么需要开源软件？\n").badge());
        assertEquals("", parseOk("content/2026-08-19-this-week-in-rust.md",
                "Title: This Week in Rust 665\nNumber: 665\nDate: 2026-08-19\n\nHello and welcome.\n").badge(), "#665 is in the title");
        assertEquals("第10周", parseOk("content/2023-03-03.md", "---\nweek: 第10周\n---\n# 支付组周报\n").badge());
    }

    /** The layout of a weekly kept as numbered Astro posts (tw93/weekly): cover image, then sections of equal rank. */
    @Test
    void aFirstSectionAmongEqualsIsNoTitleAndKeepsItsHeading() {
        String text = "---\ndate: 2025/09/22\n---\n\n<img src=\"https://example.org/239.jpg\" width=\"800\" />\n\n"
                + "> 记录每周看到的潮流技术\n\n## 潮流工具\n\n妙言 V2.0 发布\n\n## 随便看看\n\n一个频道\n";
        Report report = parseOk("content/239-山顶咖啡.md", text);
        assertEquals("山顶咖啡", report.title());
        assertEquals(Optional.of("#239"), report.weekLabel());
        assertEquals("#239", report.badge());
        assertEquals(LocalDate.of(2025, 9, 22), report.date());
        Report blankTitle = parseOk("content/239-山顶咖啡.md", "---\ntitle: ''\ndate: 2025/09/22\n---\n\n正文\n");
        assertEquals("山顶咖啡 #239", blankTitle.title() + " " + blankTitle.badge(), "a blank title is no title: name and number both");
        assertEquals(List.of("潮流工具", "随便看看"), report.headings().stream().map(Heading::text).toList());
        assertTrue(report.html().contains(">潮流工具</h2>"), "the first section keeps its heading: " + report.html());

        // A heading that opens the report, or stands above all the others, is still its title.
        assertEquals("第09周", parseOk("content/2023-02-24.md", "## 第09周\n\n## 本周工作\n\n上线\n").title());
        assertEquals("支付组周报", parseOk("content/2023-02-24.md", "<img src=\"a.png\">\n\n## 支付组周报\n\n### 本周工作\n").title());
        // A name that starts with a date is no issue number.
        assertEquals("2023-02-24-week09", parseOk("content/2023-02-24-week09.md", "<img src=\"a.png\">\n\n## 本周\n\n## 下周\n").title());
    }

    @Test
    void aReportWithNoDateAnywhereIsAnErrorOnItsTitleLine() {
        ParsedReport parsed = ReportParser.parse("content/notes.md", "\n\n# 随手记\n\nCreated: 2023年11月29日 20:58\n");
        assertTrue(parsed.report().isEmpty());
        assertEquals(1, parsed.problems().size());
        String line = parsed.problems().get(0).toString();
        assertTrue(line.startsWith("content/notes.md:3: error: no date found"), line);
        assertTrue(line.contains("date: 2023-02-24") && line.endsWith("if the file is not a report, move it out of content/ or list it in content.exclude in jbake.properties"), "says what to write instead: " + line);
        assertTrue(line.contains("('# 第09周 2023-02-24')"), line);
        String english = ReportParser.parse("content/notes.md", "# Team notes\n\nShipped the importer.\n").problems().get(0).toString();
        assertTrue(english.contains("('# Week 9, 2023-02-24')") && !english.contains("第09周"), "an English report is shown an English title: " + english);
    }

    @Test
    void anEmptyOrBlankFileIsAnError() {
        for (String text : List.of("", "  \n\n \t\n")) {
            ParsedReport parsed = ReportParser.parse("content/empty.md", text);
            assertTrue(parsed.report().isEmpty());
            assertEquals("content/empty.md:1: error: the file is empty; write a title line such as '# 第09周 2023-02-24' "
                    + "and the week's report, or delete the file", parsed.problems().get(0).toString());
        }
    }

    @Test
    void brokenFrontMatterIsAnErrorOnTheLineYamlPointsAt() {
        ParsedReport parsed = ReportParser.parse("content/w.md", "---\ntitle: 周报\ndate: [2023-02-24\n---\n# 第09周\n");
        assertTrue(parsed.report().isEmpty());
        String line = parsed.problems().get(0).toString();
        assertTrue(line.matches("content/w\\.md:[345]: error: front matter is not valid YAML .*"), line);

        ParsedReport unclosed = ReportParser.parse("content/w.md", "---\ntitle: 周报\n# 第09周 2023-02-24\n");
        assertTrue(unclosed.problems().get(0).toString().startsWith("content/w.md:1: error: front matter opened with --- is never closed"));
    }

    @Test
    void anImpossibleDateIsReportedAsSuch() {
        ParsedReport parsed = ReportParser.parse("content/w.md", "# 第09周 2023-02-30\n");
        assertEquals("content/w.md:1: error: '2023-02-30' is not a real date; correct it, e.g. 2023-02-24",
                parsed.problems().get(0).toString());
        ParsedReport front = ReportParser.parse("content/w.md", "---\ndate: 下周五\n---\n# 周报\n");
        assertEquals("content/w.md:2: error: front matter date '下周五' is not a date; write it as date: 2023-02-24",
                front.problems().get(0).toString());
    }

    @Test
    void fullWidthDigitsInTheTitleAreDigits() {
        Report report = parseOk("content/w.md", "# 第０９周 ２０２３年２月２４日\n");
        assertEquals(LocalDate.of(2023, 2, 24), report.date());
        assertEquals(Optional.of("第０９周"), report.weekLabel());
    }

    @Test
    void rawHtmlAndScriptsInAReportNeverRun() {
        Report report = parseOk("content/w.md", """
                # 第09周 2023-02-24

                <script>alert('x')</script>

                - 原因："><img src=x onerror=alert(1)> 和 <b>粗体</b>
                - [点我](javascript:alert(1))
                """);
        SafeHtml.assertNothingRuns(report);
        assertFalse(report.html().contains("alert('x')"), "a script is dropped with its content: " + report.html());
        assertTrue(report.html().contains("<li>原因：\"&gt;<img src=\"x\" /> 和 <b>粗体</b></li>"), report.html());
        assertTrue(report.html().contains("<li>点我</li>"), report.html());
    }

    @Test
    void rawHtmlIsKeptAsFormattingNotShownAsTags() {
        Report report = parseOk("content/w.md", """
                # 第09周 2023-02-24

                ## 数据

                | 指标 | 本周 |
                |---|---|
                | 成功率<br />入金 | 99.98%<sup>3</sup> |

                面积 10 m<sup>2</sup>，H<sub>2</sub>O，按 <kbd>Ctrl</kbd>，<mark>重点</mark>，<abbr title="Service Level">SLA</abbr>，<del>删</del><ins>增</ins><small>注</small>

                <details open>
                <summary>展开</summary>

                - 列表一

                </details>

                <iframe src="https://player.example.org/v/1" width="560" onload="alert(1)"></iframe>

                <embed src="https://example.org/doc.pdf">

                <iframe src="https://www.video.example/embed/2" title="发布会录像"></iframe>

                <div><div><p>嵌套<br>块</p></div></div>
                """);
        String html = report.html();
        SafeHtml.assertNothingRuns(report);
        assertTrue(html.contains("<tr><td>成功率<br />入金</td><td>99.98%<sup>3</sup></td></tr>"), html);
        assertTrue(html.contains("<p>面积 10 m<sup>2</sup>，H<sub>2</sub>O，按 <kbd>Ctrl</kbd>，<mark>重点</mark>，"
                + "<abbr title=\"Service Level\">SLA</abbr>，<del>删</del><ins>增</ins><small>注</small></p>"), html);
        assertTrue(html.contains("<details open=\"\">\n<summary>展开</summary>\n<ul>\n<li>列表一</li>\n</ul>\n</details>"), html);
        assertTrue(html.contains("<a href=\"https://player.example.org/v/1\">▶ player.example.org</a>"), "an embed becomes a link: " + html);
        assertTrue(html.contains("<a href=\"https://example.org/doc.pdf\">▶ example.org</a>"), html);
        assertTrue(html.contains("<a href=\"https://www.video.example/embed/2\">发布会录像</a>"), "named by its title when it has one: " + html);
        assertTrue(html.contains("<div><div><p>嵌套<br />块</p></div></div>"), html);
        assertFalse(html.contains("&lt;"), "no tag is shown as text: " + html);
        // What search and the extractors read is the text a reader sees, not the tags.
        assertEquals(new TableRow(7, List.of("指标", "本周"), List.of("成功率 入金", "99.98%3"), List.of("数据")), report.tableRows().get(0));
        assertEquals("面积 10 m2，H2O，按 Ctrl，重点，SLA，删增注", report.lines().get(0).text());
        String section = report.sections().get(0).text();
        assertTrue(section.contains("展开\n列表一") && section.contains("▶ player.example.org") && section.contains("嵌套\n块"), section);
        assertFalse(section.contains("<"), section);
    }

    @Test
    void injectionTricksNeverRunWhetherInlineOrBlock() {
        for (String payload : ReportMutations.INJECTIONS) {
            for (String text : List.of("- 原因：" + payload + " 之后\n\n最后一段\n", payload + "\n\n最后一段\n")) {
                Report report = parseOk("content/w.md", "# 第09周 2023-02-24\n\n" + text);
                SafeHtml.assertNothingRuns(report);
                assertTrue(report.html().contains("最后一段"), "nothing after the payload is swallowed: " + payload + " -> " + report.html());
            }
        }
    }

    @Test
    void aTagLeftOpenCannotTakeInTheRestOfTheReport() {
        for (String stray : List.of("<textarea>", "<title>", "<xmp>", "<plaintext>", "<select>", "<noscript>", "<template>",
                "<iframe src=\"https://a.example\">", "<script>", "<style>", "<noembed>", "<noframes>", "<!--",
                "<a href=\"https://a.example\">", "<b>", "<table><tr><td>", "<details><summary>更多</summary>", "<div>", "<ul><li>")) {
            // In Markdown a comment, <script>, <style>, <textarea> or <pre> block runs until its end: see the next test.
            boolean runsToItsEndTag = stray.matches("<(script|style|textarea)>|<!--");
            for (String text : runsToItsEndTag ? List.of("- 前文 " + stray + " 同行\n") : List.of("- 前文 " + stray + " 同行\n", stray + "\n\n前文\n")) {
                Report report = parseOk("content/w.md", "# 第09周 2023-02-24\n\n" + text + "\n## 下一节\n\n- 最后一段\n");
                SafeHtml.assertNothingRuns(report);
                assertTrue(report.html().contains("<h2 id=\"下一节\">下一节</h2>\n<ul>\n<li>最后一段</li>\n</ul>"), stray + " -> " + report.html());
                assertTrue(report.html().endsWith("</ul>\n"), stray + " -> " + report.html());
            }
        }
    }

    @Test
    void aRawBlockThatNeverEndsIsReportedBecauseItHidesTheRestOfTheReport() {
        for (String tag : List.of("script", "style", "textarea", "pre")) {
            ParsedReport parsed = ReportParser.parse("content/w.md", "# 第09周 2023-02-24\n\n- 前文\n\n<" + tag + ">\nx\n\n## 下一节\n\n- 最后一段\n");
            SafeHtml.assertNothingRuns(parsed.report().orElseThrow());
            assertEquals(List.of("content/w.md:5: warning: <" + tag + "> starts a raw HTML block that is never closed, so everything "
                    + "after it is read as HTML, not Markdown; write </" + tag + "> where it should end"),
                    parsed.problems().stream().map(Problem::toString).toList());
        }
        ParsedReport comment = ReportParser.parse("content/w.md", "# 第09周 2023-02-24\n\n<!-- 草稿\n\n## 下一节\n");
        assertEquals(List.of("content/w.md:3: warning: <!-- starts a raw HTML block that is never closed, so everything after it "
                + "is read as HTML, not Markdown; write --> where it should end"), comment.problems().stream().map(Problem::toString).toList());
        ParsedReport closed = ReportParser.parse("content/w.md", "# 第09周 2023-02-24\n\n<pre>\nx\n</PRE>\n\n<!-- a\n\nb -->\n\n## 下一节\n");
        assertEquals(List.of(), closed.problems());
    }

    @Test
    void rawHtmlBlocksMayWrapMarkdownUpToTheirClosingBlock() {
        Report report = parseOk("content/w.md", """
                # 第09周 2023-02-24

                <div align="center">

                - 居中的列表

                </div>

                <table><tr><td>

                **单元格里的 Markdown**

                </td></tr></table>

                最后一段
                """);
        assertEquals("<div>\n<ul>\n<li>居中的列表</li>\n</ul>\n</div>\n<table><tbody><tr><td>\n<p><strong>单元格里的 Markdown</strong></p>\n"
                + "</td></tr></tbody></table>\n<p>最后一段</p>\n", report.html());
    }

    @Test
    void bareWebAndMailAddressesBecomeLinksWhateverElseTheReportHolds() {
        // Without an address the lighter parser reads the report; each address alone must bring the full one back.
        for (String address : List.of("https://example.org/a", "www.example.org", "team@example.org")) {
            Report report = parseOk("content/w.md", "# 第09周 2023-02-24\n\n- 成功率：99.98%\n- 详见 " + address + " 的说明\n");
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parseBodyFragment(report.html());
            assertEquals(1, page.select("a").size(), report.html());
            assertEquals(address, page.select("a").text(), report.html());
        }
        assertFalse(ReportParser.mayHoldAutolink(Sample.text()), "the sample report has no address: the lighter parser reads it");
    }

    @Test
    void linksAndImagesToOtherSchemesAreShownAsTextOnlyWebMailAndRelativeAddressesLink() {
        Report report = parseOk("content/w.md", """
                # 第09周 2023-02-24

                - [大小写](JaVaScRiPt:alert(1))
                - [实体](&#106;avascript:alert(2))
                - [冒号实体](javascript&colon;alert(3))
                - [控制字符](java&#9;script:alert(4))
                - [脚本](vbscript:msgbox(5)) [数据](data:text/html;base64,PHNjcmlwdD4=) [文件](file:///etc/passwd)
                - 自动链接 <javascript:alert(6)>
                - 引用 [参考][坏]
                - ![图片说明](javascript:alert(7)) ![数据图](data:image/png;base64,AAAA)

                [坏]: javascript:alert(8)

                - [网页](https://example.org/a?b=1&c=2) [旧网页](http://example.org) [邮件](mailto:team@example.org)
                - [相对](../2023/2023-02-17.html) [锚点](#上周进展) [带冒号的路径](docs/a:b.html)
                - ![架构图](images/arch.png) ![外链图](https://example.org/p.png)
                """);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parseBodyFragment(report.html());
        assertEquals(List.of("https://example.org/a?b=1&c=2", "http://example.org", "mailto:team@example.org",
                "../2023/2023-02-17.html", "#上周进展", "docs/a:b.html"), page.select("a").eachAttr("href"), report.html());
        assertEquals(List.of("images/arch.png", "https://example.org/p.png"), page.select("img").eachAttr("src"), report.html());
        String text = page.text();
        for (String kept : List.of("大小写", "实体", "冒号实体", "控制字符", "脚本", "数据", "文件", "javascript:alert(6)", "参考", "图片说明", "数据图")) {
            assertTrue(text.contains(kept), "the link text stays: " + kept + " in " + text);
        }
        assertFalse(report.html().toLowerCase(java.util.Locale.ROOT).matches("(?s).*(href|src)=\"\\s*(javascript|vbscript|data|file):.*"), report.html());
    }

    @Test
    void htmlCommentsNeverReachThePageSearchOrTheExtractors() {
        Report report = parseOk("content/w.md", """
                # 第09周 2023-02-24

                <!-- 不要发布：块注释 -->

                ## 数据 <!-- 标题里的注释 -->

                - 入金有效成功率：99.98% <!-- 行内注释 -->
                - 跨行 <!-- 第一行的注释
                  第二行的注释 --> 之后
                  第三行：3次
                - <!-- 条目开头的注释 --> 同一行的文字

                | 指标 | 本周 |
                |---|---|
                | 成功率 <!-- 单元格注释 --> | 99% |

                <div>
                <!-- 块里的注释 -->
                块文字
                </div>

                <!--
                多行块注释

                含空行
                -->
                最后一段
                """);
        assertFalse(report.html().contains("注释") || report.html().contains("<!--") || report.html().contains("&lt;!--"), report.html());
        assertTrue(report.html().contains("同一行的文字") && report.html().contains("块文字") && report.html().contains("最后一段"), report.html());
        for (Section section : report.sections()) {
            assertFalse(section.heading().contains("注释") || section.text().contains("注释") || section.text().contains("<!--"), section.toString());
        }
        assertEquals(1, report.sections().size(), "a comment before the first heading leaves no empty section: " + report.sections());
        Section data = report.sections().get(0);
        assertTrue(data.text().contains("同一行的文字") && data.text().contains("块文字") && data.text().contains("最后一段"), data.text());
        assertEquals(List.of(new Heading(2, "数据", "数据")), report.headings());
        // Lines keep their line numbers in the file even when a comment spans lines.
        assertEquals(List.of("7: 入金有效成功率：99.98%", "8: 跨行", "9: 之后", "10: 第三行：3次", "27: 最后一段"),
                report.lines().stream().map(l -> l.line() + ": " + l.text()).toList());
        assertEquals(List.of("成功率", "99%"), report.tableRows().get(0).cells());
    }

    private static String nestedList(int levels) {
        StringBuilder text = new StringBuilder("# 第09周 2023-02-24\n\n");
        for (int level = 0; level < levels; level++) {
            text.append("  ".repeat(level)).append("- 第").append(level + 1).append("层\n");
        }
        return text.toString();
    }

    @Test
    void listsAndQuotesNestedTooDeepAreAnErrorAtTheLineThatGoesTooDeep() {
        ParsedReport quotes = ReportParser.parse("content/w.md", "# 第09周 2023-02-24\n\n" + "> ".repeat(400) + "x\n");
        assertTrue(quotes.report().isEmpty());
        assertEquals(List.of("content/w.md:3: error: lists and block quotes are nested more than 50 levels deep here; at most 50 "
                + "levels are read: indent this line less, or end the quotes ('>') sooner"), quotes.problems().stream().map(Problem::toString).toList());

        ParsedReport list = ReportParser.parse("content/w.md", nestedList(400));
        assertTrue(list.report().isEmpty());
        assertEquals(List.of("content/w.md:53: error: lists and block quotes are nested more than 50 levels deep here; at most 50 "
                + "levels are read: indent this line less, or end the quotes ('>') sooner"), list.problems().stream().map(Problem::toString).toList());

        assertTrue(ReportParser.parse("content/w.md", nestedList(50)).report().isPresent(), "50 levels are read");
    }

    @Test
    void markupNestedTooDeepIsAnErrorNotACrash() {
        for (String deep : List.of("*a ".repeat(3000) + "x" + " a*".repeat(3000), "~~a ".repeat(3000) + "x" + " a~~".repeat(3000),
                "**a ".repeat(3000) + "x" + " a**".repeat(3000), "![".repeat(3000) + "x" + "](y)".repeat(3000))) {
            ParsedReport parsed = ReportParser.parse("content/w.md", "# 第09周 2023-02-24\n\n前文\n" + deep + "\n");
            assertTrue(parsed.report().isEmpty());
            String problem = parsed.problems().get(0).toString();
            assertTrue(problem.startsWith("content/w.md:4: error: emphasis, strikethrough, links or images are nested more than 50 "
                    + "levels deep here; at most 50 levels are read: "), problem);
        }
    }

    @Test
    void deepRawHtmlAndDeepYamlAreReadOrReportedNeverACrash() {
        for (String text : List.of("<div>".repeat(400) + "x" + "</div>".repeat(400), "<div>\n".repeat(400) + "\nx\n",
                "<b>".repeat(3_000) + "x", "<table><tr><td>".repeat(2_000) + "x", "[".repeat(50_000) + "x" + "](y)".repeat(50_000))) {
            Report report = parseOk("content/w.md", "# 第09周 2023-02-24\n\n" + text + "\n\n最后一段\n");
            SafeHtml.assertNothingRuns(report);
            assertTrue(report.html().contains("最后一段"), report.html().substring(Math.max(0, report.html().length() - 200)));
        }
        ParsedReport yaml = ReportParser.parse("content/w.md", "---\ntags: " + "[".repeat(20_000) + "\n---\n# 第09周 2023-02-24\n");
        assertTrue(yaml.problems().get(0).toString().startsWith("content/w.md:"), yaml.problems().toString());
    }

    @Test
    void theDeepestNestingThatIsReadFitsInASmallThreadStack() throws Exception {
        String deepest = nestedList(50) + "  ".repeat(50) + "*_".repeat(25) + "x" + "_*".repeat(25) + "\n";
        ParsedReport[] parsed = new ParsedReport[1];
        Thread thread = new Thread(null, () -> parsed[0] = ReportParser.parse("content/w.md", deepest), "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        assertTrue(parsed[0].report().isPresent(), () -> parsed[0].problems().toString());
    }

    @Test
    void aLongLineReadsWhateverTheStackOfTheThreadThatAsks() throws Exception {
        String text = "# 第09周 2023-02-24\n\n前文\n\n" + "-".repeat(40_000) + "\n\n" + "* ".repeat(20_000) + "\n\n最后一段\n";
        ParsedReport[] parsed = new ParsedReport[1];
        Thread thread = new Thread(null, () -> parsed[0] = ReportParser.parse("content/w.md", text), "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        Report report = parsed[0].report().orElseThrow(() -> new AssertionError(parsed[0].problems()));
        assertEquals("<p>前文</p>\n<hr />\n<hr />\n<p>最后一段</p>\n", report.html());
    }

    @Test
    void longRunsOfSpacesInAListAreReadInLinearTime() {
        String spaces = " ".repeat(50_000);
        // A label ending in spaces, and a second paragraph of an item that starts like "1.【标签】" but is not.
        String text = "# 第09周 2023-02-24\n\n- 上级" + spaces + "条目：\n\n  1" + spaces + "x\n  - 下级\n";
        Report report = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parseOk("content/w.md", text));
        assertEquals(List.of("上级" + spaces + "条目：", "1" + spaces + "x", "下级"), report.lines().stream().map(SourceLine::text).toList());
    }

    @Test
    void manyScriptsInOneRawBlockAreTakenOutInLinearTime() {
        String text = "# 第09周 2023-02-24\n\n<div>" + "<script>x()</script>".repeat(20_000) + "文字</div>\n";
        Report report = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parseOk("content/w.md", text));
        assertEquals("<div>文字</div>\n", report.html());
    }

    @Test
    void anInternalErrorBecomesAProblemNotAThrow() {
        for (Throwable thrown : List.of(new StackOverflowError(), new IllegalStateException("boom"))) {
            ParsedReport parsed = ReportParser.guarded("content/w.md", () -> {
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) thrown;
            });
            assertTrue(parsed.report().isEmpty());
            String problem = parsed.problems().get(0).toString();
            assertTrue(problem.startsWith("content/w.md:1: error: internal error while reading this report: "
                    + (thrown instanceof StackOverflowError ? "IllegalStateException (stack overflow even with a 64 MB stack)" : "IllegalStateException (boom)")), problem);
        }
    }

    @Test
    void repeatedHeadingsGetNumberedAnchors() {
        Report report = parseOk("content/w.md", "# 第09周 2023-02-24\n\n## 进展\n\n## 进展\n\n## 进展-2\n\n## ！！！\n");
        assertEquals(List.of("进展", "进展-2", "进展-2-2", "section"), report.headings().stream().map(Heading::id).toList());
    }

    @Test
    void aHugeReportParses() {
        StringBuilder text = new StringBuilder("# 第09周 2023-02-24\n\n");
        for (int i = 0; i < 40_000; i++) {
            text.append("- 第").append(i).append("项：入金有效成功率：99.98%，<b>不是HTML</b>\n");
        }
        assertTrue(text.length() > 1_000_000);
        Report report = parseOk("content/big.md", text.toString());
        assertEquals(LocalDate.of(2023, 2, 24), report.date());
        assertTrue(report.html().contains("第39999项"));
    }

    @Test
    void sectionTextReadsAsTheReaderSeesItWithoutMarkdownEscapes() {
        Report report = parseOk("content/w.md", "# 第09周 2023-02-24\n\n## 问题\n\n- \\[ISSUE\\] **加粗** `code` 与 [链接](https://example.org)\n");
        assertEquals(List.of(new Section("问题", "问题", "[ISSUE] 加粗 code 与 链接")), report.sections());
    }
}
