package io.github.weeklyarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.Browser;
import io.github.weeklyarchive.testing.ServedSite;
import io.github.weeklyarchive.testing.TestSites;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Reports as early newsletters write them: a title and paragraphs, no section headings, so no contents box, and no
 * tags. (nushell's first 76 "This week in Nu" issues were squeezed into the contents' 240 px column.)
 */
class PlainWeekBrowserTest {

    @RegisterExtension
    static final ServedSite SITE = ServedSite.of(1280, 900, PlainWeekBrowserTest::plainWeeks);

    static Path plainWeeks(Path dir) throws IOException {
        TestSites.write(dir.resolve("content/2019-08-30-twin0001.md"), """
                # This week in Nu #1

                This week we landed the new table viewer, which draws long tables in pages of a screen each, and the
                plugin protocol now speaks JSON-RPC both ways. Thanks to the 21 new contributors!
                """);
        TestSites.write(dir.resolve("content/2019-09-06-twin0002.md"), """
                # This week in Nu #2

                Nu now starts in half the time, and `ls` shows file sizes in the units you set.
                """);
        return dir;
    }

    @Test
    void aWeekWithoutHeadingsTakesTheWholeWidthAndTagsAreNotOffered() throws Exception {
        SITE.open("2019/2019-08-30.html");
        assertTrue(SITE.browser().findElements(By.cssSelector("details.toc")).isEmpty(), "no headings, no contents");
        long article = (Long) SITE.browser().executeScript("return Math.round(document.querySelector('.week-layout > *').getBoundingClientRect().width)");
        long layout = (Long) SITE.browser().executeScript("return Math.round(document.querySelector('.week-layout').getBoundingClientRect().width)");
        assertEquals(layout, article, "the report takes the layout's whole width, not the contents' column");
        assertTrue(SITE.browser().findElements(By.cssSelector(".site-nav a[href$='tags/index.html']")).isEmpty(), "no tags: no link to them");
        Browser.screenshot(SITE.browser(), "plain-week");
        SITE.open("tags/index.html");
        assertTrue(SITE.browser().findElement(By.cssSelector("p.empty")).getText().startsWith("No report has tags yet"));
        assertEquals(List.of(), Browser.consoleErrors(SITE.browser()));
    }
}
