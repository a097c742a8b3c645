package io.github.weeklyarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.serve.PreviewServer;
import io.github.weeklyarchive.testing.Browser;
import io.github.weeklyarchive.testing.ServedSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** A reader in real headless Chromium: home page, into the latest week, back through prev/next. */
class NavigationBrowserTest {

    @TempDir
    static Path dir;
    static ServedSite site;
    static PreviewServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void serveTheSampleSite() throws Exception {
        site = ServedSite.threeWeeks(dir, 1280, 900);
        server = site.server;
        browser = site.browser;
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    private String heading() {
        return browser.findElement(By.cssSelector("h1.week-title")).getText();
    }

    @Test
    void aReaderGoesFromTheHomePageBackThroughTheWeeks() throws Exception {
        browser.get(server.url());
        Browser.screenshot(browser, "home-desktop");
        assertEquals("第10周 2023-03-03", browser.findElement(By.cssSelector(".latest-card .week-title")).getText());

        browser.findElement(By.cssSelector(".latest-card .button")).click();
        assertEquals(server.url() + "2023/2023-03-03.html", browser.getCurrentUrl());
        assertEquals("第10周 2023-03-03", heading());

        browser.findElement(By.cssSelector("a[rel=prev]")).click();
        assertEquals("第09周 2023-02-24", heading());
        Browser.screenshot(browser, "week-desktop");

        browser.findElement(By.cssSelector("a[rel=prev]")).click();
        assertEquals("第08周 2023-02-17", heading());
        assertTrue(browser.findElements(By.cssSelector("a[rel=prev]")).isEmpty(), "the first week has no previous week");

        browser.findElement(By.cssSelector("a[rel=next]")).click();
        assertEquals("第09周 2023-02-24", heading());
        assertEquals(List.of(), Browser.consoleErrors(browser));
    }

    @Test
    void theContentsLinkScrollsToItsSectionAndNothingInjectedRuns() throws Exception {
        browser.get(server.url() + "2023/2023-03-03.html");
        assertNull(browser.executeScript("return window.__injected"), "a script written in a report must not run");
        assertTrue(browser.findElement(By.cssSelector(".week-body")).getText().contains("<script>window.__injected=1</script>"));

        browser.get(server.url() + "2023/2023-02-24.html");
        assertTrue(browser.findElement(By.id("toc")).getAttribute("open") != null, "contents open beside the text on a wide screen");
        browser.findElement(By.cssSelector("#toc a[href='#c-hive标准数仓建设']")).click();
        Number top = (Number) browser.executeScript(
                "return document.getElementById('c-hive标准数仓建设').getBoundingClientRect().top");
        assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 200, "section scrolled into view, top at " + top);
        assertEquals(List.of(), Browser.consoleErrors(browser));
    }

    @Test
    void onAPhoneTheContentsAreFoldedAndTheArchiveFits() throws Exception {
        ChromeDriver phone = Browser.start(390, 844);
        try {
            phone.get(server.url() + "2023/2023-02-24.html");
            assertNull(phone.findElement(By.id("toc")).getAttribute("open"));
            Number overflow = (Number) phone.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 0, "no sideways scrolling on a phone, overflow " + overflow);
            Browser.screenshot(phone, "week-phone");
            phone.get(server.url() + "archive.html");
            Browser.screenshot(phone, "archive-phone");
            assertEquals(3, phone.findElements(By.cssSelector(".week-row")).size());
            assertEquals(List.of(), Browser.consoleErrors(phone));
        } finally {
            phone.quit();
        }
    }
}
