package io.github.weeklyarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.Browser;
import io.github.weeklyarchive.testing.ServedSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every page fits a phone 390 px wide: nothing wider than the screen, so no sideways scrolling. */
class PhoneWidthBrowserTest {

    @RegisterExtension
    static final ServedSite SITE = ServedSite.asServePreviewsIt(390, 844);

    @Test
    void everyPageFitsA390PixelScreen() throws Exception {
        List<String> pages;
        try (Stream<Path> files = Files.walk(SITE.site())) {
            pages = new ArrayList<>(files.filter(f -> f.toString().endsWith(".html")).map(f -> SITE.site().relativize(f).toString())
                    .sorted().toList());
        }
        pages.add("search/index.html?q=入金有效成功率");
        List<String> tooWide = new ArrayList<>();
        for (String page : pages) {
            SITE.open(page);
            Object overflow = SITE.browser().executeScript(OVERFLOW);
            if (!((List<?>) overflow).isEmpty()) {
                tooWide.add(page + " " + overflow);
                Browser.screenshot(SITE.browser(), "phone-too-wide-" + page.replaceAll("[^A-Za-z0-9]+", "-"));
            }
        }
        assertTrue(pages.size() >= 20, pages.toString());
        assertEquals(List.of(), tooWide, "pages wider than a 390 px phone (screenshots in target/screenshots)");
        // The check bites: a 600 px wide canvas added to the last page is found.
        SITE.browser().executeScript("const c = document.createElement('canvas'); c.width = 600; c.height = 10;"
                + "document.querySelector('main').appendChild(c);");
        assertTrue(!((List<?>) SITE.browser().executeScript(OVERFLOW)).isEmpty(), "a 600 px element makes the page too wide");
        // Titles that all begin alike are never cut to what they share: the end that tells them apart shows.
        SITE.open("archive.html");
        SITE.browser().executeScript("document.querySelector('.week-row-title').textContent = "
                + "'科技爱好者周刊（第 407 期）：为什么所有的标题都一样长，而只有最后几个字不同 distinguishing-end';");
        assertEquals(Boolean.TRUE, SITE.browser().executeScript("""
                const title = document.querySelector('.week-row-title');
                return title.scrollWidth <= title.clientWidth && title.getBoundingClientRect().right <= document.documentElement.clientWidth;"""),
                "a long title wraps inside the screen");
        for (String page : List.of("", "2023/2023-02-24.html", "metrics/index.html", "archive.html")) {
            SITE.open(page);
            Browser.screenshot(SITE.browser(), "phone-" + (page.isEmpty() ? "home" : page.replaceAll("[^A-Za-z0-9]+", "-")));
        }
    }

    private static final String OVERFLOW = """
                    const width = document.documentElement.clientWidth;
                    const wide = Array.from(document.querySelectorAll('body *'))
                        .filter(el => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'fixed'
                            && !el.closest('.table-scroll, pre, .skip'))
                        .map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
                    return document.documentElement.scrollWidth > width ? [document.documentElement.scrollWidth + 'px'].concat(wide.slice(0, 3)) : [];
                    """;
}
