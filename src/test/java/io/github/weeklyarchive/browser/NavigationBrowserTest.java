package io.github.weeklyarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.Browser;
import io.github.weeklyarchive.testing.ServedSite;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** A reader in real headless Chromium: home page, into the latest week, back through prev/next. */
class NavigationBrowserTest {

    @RegisterExtension
    static final ServedSite SITE = new ServedSite(1280, 900);

    private String heading() {
        return SITE.browser().findElement(By.cssSelector("h1.week-title")).getText();
    }

    @Test
    void aReaderGoesFromTheHomePageBackThroughTheWeeks() throws Exception {
        SITE.browser().get(SITE.server().url());
        Browser.screenshot(SITE.browser(), "home-desktop");
        assertEquals("第10周 2023-03-03", SITE.browser().findElement(By.cssSelector(".latest-card .week-title")).getText());

        SITE.browser().findElement(By.cssSelector(".latest-card .button")).click();
        assertEquals(SITE.server().url() + "2023/2023-03-03.html", SITE.browser().getCurrentUrl());
        assertEquals("第10周 2023-03-03", heading());

        SITE.browser().findElement(By.cssSelector("a[rel=prev]")).click();
        assertEquals("第09周 2023-02-24", heading());
        Browser.screenshot(SITE.browser(), "week-desktop");

        SITE.browser().findElement(By.cssSelector("a[rel=prev]")).click();
        assertEquals("第08周 2023-02-17", heading());
        assertTrue(SITE.browser().findElements(By.cssSelector("a[rel=prev]")).isEmpty(), "the first week has no previous week");

        SITE.browser().findElement(By.cssSelector("a[rel=next]")).click();
        assertEquals("第09周 2023-02-24", heading());
        assertEquals(List.of(), Browser.consoleErrors(SITE.browser()));
    }

    @Test
    void theContentsLinkScrollsToItsSectionAndNothingInjectedRuns() throws Exception {
        SITE.browser().get(SITE.server().url() + "2023/2023-03-03.html");
        assertNull(SITE.browser().executeScript("return window.__injected"), "a script written in a report must not run");
        assertTrue(SITE.browser().findElement(By.cssSelector(".week-body")).getText().contains("<script>window.__injected=1</script>"));

        SITE.browser().get(SITE.server().url() + "2023/2023-02-24.html");
        assertTrue(SITE.browser().findElement(By.id("toc")).getAttribute("open") != null, "contents open beside the text on a wide screen");
        SITE.browser().findElement(By.cssSelector("#toc a[href='#c-hive标准数仓建设']")).click();
        Number top = (Number) SITE.browser().executeScript(
                "return document.getElementById('c-hive标准数仓建设').getBoundingClientRect().top");
        assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 200, "section scrolled into view, top at " + top);
        assertEquals(List.of(), Browser.consoleErrors(SITE.browser()));
    }

    @Test
    void onAPhoneTheContentsAreFoldedAndTheArchiveFits() throws Exception {
        ChromeDriver phone = Browser.start(390, 844);
        try {
            phone.get(SITE.server().url() + "2023/2023-02-24.html");
            assertNull(phone.findElement(By.id("toc")).getAttribute("open"));
            Number overflow = (Number) phone.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 0, "no sideways scrolling on a phone, overflow " + overflow);
            Browser.screenshot(phone, "week-phone");
            phone.get(SITE.server().url() + "archive.html");
            Browser.screenshot(phone, "archive-phone");
            assertEquals(3, phone.findElements(By.cssSelector(".week-row")).size());
            assertEquals(List.of(), Browser.consoleErrors(phone));
        } finally {
            phone.quit();
        }
    }
}
