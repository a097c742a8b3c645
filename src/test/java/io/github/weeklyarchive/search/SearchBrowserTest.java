package io.github.weeklyarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.Browser;
import io.github.weeklyarchive.testing.ServedSite;
import java.net.URLEncoder;
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

/** Search as a reader uses it, in headless Chromium, on the sample site served under a sub-path. */
class SearchBrowserTest {

    @RegisterExtension
    static final ServedSite SITE = new ServedSite(1280, 900);

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
    void theJavaScriptTokenizerPassesTheSharedVectorsAndHashesLikeJava() throws Exception {
        SITE.browser().get(SITE.server().url() + "search/index.html");
        for (Map<String, Object> vector : TokenizerTest.vectors()) {
            Object tokens = SITE.browser().executeScript("return WeeklySearch.tokenize(arguments[0])", vector.get("text"));
            assertEquals(vector.get("tokens"), tokens, () -> "search.js for " + vector.get("text"));
            for (String token : (List<String>) vector.get("tokens")) {
                Number shard = (Number) SITE.browser().executeScript("return WeeklySearch.shardOf(arguments[0], 512)", token);
                assertEquals(SearchIndexWriter.shardOf(token, 512), shard.intValue(), () -> "shard of " + token);
            }
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
        assertEquals("没有找到。试试更短的词，或换一种说法。", SITE.browser().findElement(By.id("search-status")).getText());
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
