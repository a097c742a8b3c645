package io.github.weeklyarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.Browser;
import io.github.weeklyarchive.testing.ServedSite;
import io.github.weeklyarchive.testing.TestSites;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Search as a reader uses it, in headless Chromium, on the sample site served under a sub-path, with two
 * weeks written in English added (Latin words, phrases, prefixes) and a Chinese line with 书.
 */
class SearchBrowserTest {

    @RegisterExtension
    static final ServedSite SITE = ServedSite.of(1280, 900, SearchBrowserTest::site);

    static final String WEEK_11 = """
            # 第11周 2023-03-10

            ## Rust

            - We moved the service to tokio-console and a Tokio-based runtime.
            - Support for const generics landed.
            - Two transactions were retried in the multi-Raft group.
            - Mail from gmail addresses is filtered.

            ## 读书

            - 本周读完一本书。
            """;
    static final String WEEK_12 = """
            # 第12周 2023-03-17

            ## Notes

            - The constant pool grew; generics come later.
            - Note: const fn helps.

            ## Plans

            - Try gotokio, a made-up name.
            """;

    static Path site(Path dir) throws IOException {
        TestSites.threeWeeks(dir);
        TestSites.write(dir.resolve("content/2023/2023-03-10.md"), WEEK_11);
        TestSites.write(dir.resolve("content/2023/2023-03-17.md"), WEEK_12);
        return dir;
    }

    private void searchFor(String query) {
        SITE.browser().get(SITE.server().url() + "search/index.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        new WebDriverWait(SITE.browser(), Duration.ofSeconds(10)).until(d -> {
            String status = d.findElement(By.id("search-status")).getText();
            return !status.isEmpty() && !status.equals("正在搜索…");
        });
    }

    private List<WebElement> results() {
        return SITE.browser().findElements(By.cssSelector("#search-results > li.result"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJavaScriptTokenizerPassesTheSharedVectors() throws Exception {
        SITE.browser().get(SITE.server().url() + "search/index.html");
        for (Map<String, Object> vector : TokenizerTest.vectors("query")) {
            Object parts = SITE.browser().executeScript(
                    "return WeeklySearch.parse(arguments[0]).map(p => ({text: p.text, quoted: p.quoted, lookups: p.lookups.map(l => [l.token, l.prefix])}))",
                    vector.get("query"));
            assertEquals(vector.get("parts"), parts, () -> "search.js parses " + vector.get("query"));
        }
        for (Map<String, Object> vector : TokenizerTest.vectors("part")) {
            Object occurs = SITE.browser().executeScript("return WeeklySearch.occursIn(arguments[0], arguments[1])", vector.get("part"), vector.get("line"));
            assertEquals(vector.get("occurs"), occurs, () -> "search.js: " + vector.get("part") + " in " + vector.get("line"));
        }
        for (Map<String, Object> vector : TokenizerTest.vectors("text")) {
            Object tokens = SITE.browser().executeScript("return WeeklySearch.tokenize(arguments[0])", vector.get("text"));
            assertEquals(vector.get("tokens"), tokens, () -> "search.js for " + vector.get("text"));
        }
        for (Map<String, Object> vector : TokenizerTest.vectors("encoded")) {
            List<Long> ids = ((List<Number>) SITE.browser().executeScript("return WeeklySearch.decodeIds(arguments[0])", vector.get("encoded")))
                    .stream().map(Number::longValue).toList();
            assertEquals(((List<Number>) vector.get("ids")).stream().map(Number::longValue).toList(), ids, () -> "search.js reads " + vector.get("encoded"));
        }
        for (Map<String, Object> vector : TokenizerTest.vectors("written")) {
            Object postings = SITE.browser().executeScript("return Object.assign({}, WeeklySearch.readPostings(arguments[0]))", vector.get("written"));
            assertEquals(vector.get("postings"), postings, () -> "search.js reads " + vector.get("written"));
        }
    }

    @Test
    void eachQueryFindsTheRightWeekAndLandsOnTheRightSection() {
        Map<String, String> sectionOf = Map.of(
                "入金有效成功率", "系统运行数据",
                "数仓", "a-支付账户2-0升级",
                "控报", "c-hive标准数仓建设",     // crosses the words 风控 and 报表
                "OOM", "o3-安全稳定-降本提效",
                "Swagger", "o3-安全稳定-降本提效");
        sectionOf.forEach((query, section) -> {
            searchFor(query);
            WebElement sample = results().stream()
                    .filter(r -> r.findElement(By.cssSelector(".result-title")).getText().equals("第09周 2023-02-24"))
                    .findFirst().orElseThrow(() -> new AssertionError(query + ": the sample week is not among the results"));
            WebElement hit = sample.findElement(By.cssSelector(".hit a"));
            String marked = sample.findElement(By.cssSelector(".hit mark")).getText();
            assertEquals(query.toLowerCase(), marked.toLowerCase(), query + ": the term is highlighted");
            hit.click();
            new WebDriverWait(SITE.browser(), Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("2023-02-24.html"));
            assertTrue(SITE.browser().getCurrentUrl().endsWith("/repo/2023/2023-02-24.html#" + URLEncoder.encode(section, StandardCharsets.UTF_8)
                    .replace("+", "%20")), query + ": " + SITE.browser().getCurrentUrl());
            Number top = (Number) SITE.browser().executeScript("return document.getElementById(arguments[0]).getBoundingClientRect().top", section);
            assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 150, query + ": section " + section + " is scrolled to, top " + top);
        });
        assertEquals(List.of(), Browser.consoleErrors(SITE.browser()));
    }

    @Test
    void phrasesAreConfirmedAndCountedAndFiltersApply() throws Exception {
        searchFor("控报");
        assertEquals(1, results().size());
        assertEquals("找到 1 周", SITE.browser().findElement(By.id("search-status")).getText());
        searchFor("入金有效成功率");
        assertEquals(List.of("第10周 2023-03-03", "第09周 2023-02-24", "第08周 2023-02-17"),
                results().stream().map(r -> r.findElement(By.cssSelector(".result-title")).getText()).toList());
        Browser.screenshot(SITE.browser(), "search-results");
        SITE.browser().get(SITE.server().url() + "search/index.html?q=" + URLEncoder.encode("入金有效成功率", StandardCharsets.UTF_8) + "&tag="
                + URLEncoder.encode("数仓", StandardCharsets.UTF_8));
        new WebDriverWait(SITE.browser(), Duration.ofSeconds(5)).until(d -> !results().isEmpty());
        assertEquals(List.of("第08周 2023-02-17"), results().stream().map(r -> r.findElement(By.cssSelector(".result-title")).getText()).toList());
        searchFor("没有这个词");
        assertEquals("没有找到。长词会被整段查找，试试更短的词。", SITE.browser().findElement(By.id("search-status")).getText());
    }

    private List<String> titles() {
        return results().stream().map(r -> r.findElement(By.cssSelector(".result-title")).getText()).toList();
    }

    private String status() {
        return SITE.browser().findElement(By.id("search-status")).getText();
    }

    private List<String> marks(WebElement within) {
        return within.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
    }

    @Test
    void aLatinWordFindsTheWordsItBegins() {
        searchFor("tokio");
        assertEquals(List.of("第11周 2023-03-10"), titles(), "tokio-console and Tokio-based, not gotokio");
        assertEquals(List.of("tokio", "Tokio"), marks(results().get(0).findElement(By.cssSelector(".hit-excerpt"))));
        searchFor("raft");
        assertEquals(List.of("第11周 2023-03-10"), titles(), "multi-Raft");
        searchFor("transaction");
        assertEquals(List.of("第11周 2023-03-10"), titles(), "transactions");
        assertEquals(List.of("transaction"), marks(results().get(0).findElement(By.cssSelector(".hit-excerpt"))));
        searchFor("okio");
        assertEquals("没有找到。", status(), "no hint to shorten a word that is already one token");
        assertTrue(results().isEmpty());
    }

    @Test
    void quotedWordsArePhrasesAndUnquotedOnesMayStandApart() {
        searchFor("\"const generics\"");
        assertEquals(List.of("第11周 2023-03-10"), titles(), "only week 11 has the two words next to each other");
        assertEquals("找到 1 周", status());
        assertEquals(List.of("const generics"), marks(results().get(0).findElement(By.cssSelector(".hit-excerpt"))));
        searchFor("const generics");
        assertEquals(List.of("第11周 2023-03-10", "第12周 2023-03-17"), titles(), "both weeks hold both words; the one with them together first");
        searchFor("\"generics const\"");
        assertEquals("没有找到。引号里的词要挨在一起，试试去掉引号。", status());
    }

    @Test
    void aPhraseOnlyReadingCanRuleOutReadsThreeWeeksBeforeSayingNoneSoFar() {
        // Each of the five titles holds 周, none the phrase "周 周": every week is a candidate that only reading rules out.
        searchFor("\"周 周\"");
        assertTrue(results().isEmpty());
        assertEquals("找到 0 周（已查 3 周，还有 2 周待查）", status());
        SITE.browser().findElement(By.id("search-more")).click();
        new WebDriverWait(SITE.browser(), Duration.ofSeconds(5)).until(d -> !status().contains("已查"));
        assertEquals("没有找到。", status());
        assertTrue(results().isEmpty());
    }

    @Test
    void oneChineseCharacterFindsWhatGrepFinds() throws IOException {
        searchFor("书");
        List<String> expected = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(SITE.site().getParent().resolve("src/content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                String text = java.nio.file.Files.readString(file);
                if (text.contains("书")) {
                    expected.add(text.lines().filter(l -> l.startsWith("# ")).findFirst().orElseThrow().substring(2));
                }
            }
        }
        assertEquals(2, expected.size(), "the sample's 证书 and week 11's 读书");
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(titles()));
        assertEquals("找到 2 周", status());
        for (WebElement result : results()) {
            assertEquals("书", marks(result.findElement(By.cssSelector(".hit-excerpt"))).get(0));
        }
    }

    @Test
    void highlightsStartAtWordStarts() {
        for (String query : List.of("const", "ai", "tokio")) {
            searchFor(query);
            @SuppressWarnings("unchecked")
            List<String> before = (List<String>) SITE.browser().executeScript("""
                    return Array.from(document.querySelectorAll('#search-results mark')).map(m => {
                      const text = m.previousSibling ? m.previousSibling.textContent : '';
                      return text.slice(-1);
                    });""");
            for (String ch : before) {
                assertTrue(ch.isEmpty() || !Character.isLetterOrDigit(ch.codePointAt(0)), query + ": a mark after '" + ch + "'");
            }
            for (WebElement mark : SITE.browser().findElements(By.cssSelector("#search-results mark"))) {
                assertEquals(query, mark.getText().toLowerCase(), query);
            }
        }
        searchFor("ai");
        assertTrue(titles().stream().noneMatch(t -> t.startsWith("第11周")), "gmail is not a word starting with ai");
    }

    @Test
    void theExcerptIsTheBestLineNotTheFirst() throws IOException {
        searchFor("const");
        WebElement week12 = results().stream().filter(r -> r.getText().contains("第12周")).findFirst().orElseThrow();
        String excerpt = week12.findElement(By.cssSelector(".hit-excerpt")).getText();
        assertEquals("Note: const fn helps.", excerpt, "the whole word, not the first line's constant");
        searchFor("const generics");
        String first = results().get(0).findElement(By.cssSelector(".hit-excerpt")).getText();
        assertEquals("Support for const generics landed.", first);
        assertEquals(List.of("const", "generics"), marks(results().get(0).findElement(By.cssSelector(".hit-excerpt"))));
        Browser.screenshot(SITE.browser(), "search-latin");
        try {
            colourScheme("dark");
            Browser.screenshot(SITE.browser(), "search-latin-dark");
            SITE.browser().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            searchFor("tokio transactions");
            Browser.screenshot(SITE.browser(), "search-latin-phone-dark");
            colourScheme("light");
            Browser.screenshot(SITE.browser(), "search-latin-phone");
            Number overflow = (Number) SITE.browser().executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertEquals(0, overflow.intValue(), "the results fit a phone's width");
        } finally {
            SITE.browser().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            colourScheme("light");
        }
    }

    private void colourScheme(String scheme) {
        SITE.browser().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @Test
    void textFromReportsStaysTextInResults() {
        for (String query : List.of("onerror", "script")) {
            searchFor(query);
            assertEquals(1, results().size(), query);
            String shown = results().get(0).getText();
            assertTrue(shown.contains(query.equals("script") ? "<script>" : "onerror=\"window.__injected=1\""), shown);
            assertTrue(SITE.browser().findElements(By.cssSelector("#search-results img, #search-results script")).isEmpty());
            assertNull(SITE.browser().executeScript("return window.__injected"));
        }
    }

    @Test
    void slashFocusesTheSearchBoxOnAnyPageAndEnterSearches() {
        SITE.browser().get(SITE.server().url() + "2023/2023-02-24.html");
        SITE.browser().findElement(By.tagName("body")).sendKeys("/");
        WebElement box = SITE.browser().switchTo().activeElement();
        assertEquals("q", box.getAttribute("name"));
        box.sendKeys("Swagger", Keys.ENTER);
        new WebDriverWait(SITE.browser(), Duration.ofSeconds(10)).until(d -> !results().isEmpty());
        assertTrue(SITE.browser().getCurrentUrl().startsWith(SITE.server().url() + "search/index.html?q=Swagger"));
        assertEquals("Swagger", SITE.browser().findElement(By.cssSelector("#search-form input[name=q]")).getAttribute("value"));
    }
}
