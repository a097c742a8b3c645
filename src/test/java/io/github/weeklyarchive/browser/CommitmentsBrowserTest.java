package io.github.weeklyarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.Browser;
import io.github.weeklyarchive.testing.ServedSite;
import io.github.weeklyarchive.testing.TestSites;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The sample and four weeks after it, in real Chromium: the commitments page groups what became of each promise,
 * a week's page says what fell due since the report before, the home page counts this week's, and a mention links
 * to the heading its line sits under. Screenshots at desktop and phone width, light and dark, in target/screenshots.
 */
class CommitmentsBrowserTest {

    @RegisterExtension
    static final ServedSite SITE = ServedSite.of(1280, 1000, TestSites::followedCommitments);

    private static List<String> texts(String css) {
        return SITE.browser().findElements(By.cssSelector(css)).stream().map(e -> e.getText().replace("\n", " ").strip()).toList();
    }

    @Test
    void theCommitmentsPageGroupsOpenOverdueAndKeptWithTheirDates() throws Exception {
        SITE.open("commitments/index.html");
        assertEquals(List.of("进行中 1", "已逾期 2", "已完成 4"), texts(".commitment-group h2"));
        assertEquals(List.of("现金奖励系统 完成"), texts("#g-open + ol .commitment-subject"));
        WebElement backend = SITE.browser().findElements(By.cssSelector("li.commitment")).stream()
                .filter(c -> c.getText().contains("后端代收")).findFirst().orElseThrow();
        assertEquals("到期日：2月28日 → 3月7日 → 3月14日", backend.findElement(By.cssSelector(".commitment-dues")).getText());
        assertEquals(2, backend.findElements(By.cssSelector(".commitment-dues s")).size(), "the two replaced dates are struck out");
        assertTrue(backend.getText().contains("按期完成 · 延期 2 次"), backend.getText());
        // The history lists each week that spoke of it; a mention leads to the heading its line sits under.
        backend.findElement(By.tagName("summary")).click();
        List<WebElement> mentions = backend.findElements(By.cssSelector(".commitment-history li a"));
        assertEquals(List.of("第09周", "第10周", "第11周", "第12周"), mentions.stream().map(WebElement::getText).toList());
        Browser.screenshot(SITE.browser(), "commitments-light");
        mentions.get(1).click();
        assertTrue(SITE.browser().getCurrentUrl().endsWith("2023/2023-03-03.html#o1-服务业务")
                || SITE.browser().getCurrentUrl().endsWith("2023/2023-03-03.html#o1-%E6%9C%8D%E5%8A%A1%E4%B8%9A%E5%8A%A1"), SITE.browser().getCurrentUrl());
        assertEquals(Boolean.TRUE, SITE.browser().executeScript("return document.getElementById(decodeURIComponent(location.hash.slice(1))) !== null"));
    }

    @Test
    void aWeeksPageSaysWhatFellDueAndWhatBecameOfIt() throws Exception {
        SITE.open("2023/2023-03-03.html");
        assertEquals(List.of(
                "上海资金存管 / 上海经纪人培训 作业 2月28日 到期 3月3日 完成",
                "上海资金存管 / 遗留中信存管24点跨天问题 上线 2月28日 到期 2月28日 完成",
                "惠居省心租代收能力建设 / 后端代收支付和通道对接 上线 2月28日 到期 延期至 3月7日 · 后于 3月14日 完成"), texts(".due-this-week li"));
        Browser.screenshot(SITE.browser(), "week-due-light");
        SITE.browser().manage().window().setSize(new Dimension(390, 844));
        try {
            SITE.open("2023/2023-03-03.html");
            Browser.screenshot(SITE.browser(), "week-due-phone-light");
            assertEquals(Boolean.TRUE, SITE.browser().executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
            SITE.open("commitments/index.html");
            Browser.screenshot(SITE.browser(), "commitments-phone-light");
            assertEquals(Boolean.TRUE, SITE.browser().executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
            colourScheme("dark");
            SITE.open("commitments/index.html");
            Browser.screenshot(SITE.browser(), "commitments-phone-dark");
            SITE.open("2023/2023-03-03.html");
            Browser.screenshot(SITE.browser(), "week-due-phone-dark");
        } finally {
            colourScheme("light");
            SITE.browser().manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void theHomePageCountsWhatFellDueThisWeekAndTheSiteLinksTheDownloads() throws Exception {
        SITE.open("");
        assertEquals("本周到期 1 项，已完成 0 项；共 2 项逾期 →", SITE.browser().findElement(By.cssSelector(".commitments-foot")).getText());
        assertEquals(List.of("承诺"), texts(".site-nav a[href$='commitments/index.html']"));
        assertTrue(Files.readString(SITE.site().resolve("data/commitments.csv")).startsWith("subject,action,made,due,status,resolved,source\r\n"));
    }

    private static void colourScheme(String scheme) {
        SITE.browser().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }
}
