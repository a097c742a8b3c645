package io.github.weeklyarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.weeklyarchive.testing.ServedSite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The preview's live reload in real Chromium: a rebuild reloads the open page, however many pages were visited before. */
class LiveReloadBrowserTest {

    @RegisterExtension
    static final ServedSite SITE = ServedSite.asServePreviewsIt(1280, 900);

    /**
     * Counts, across the pages of the site, the event streams opened and not closed, in localStorage:
     * run before each page's own scripts, so it sees livereload.js open and close its stream.
     */
    private static final String COUNT_OPEN_STREAMS = """
            (() => {
              const Native = window.EventSource;
              const add = n => localStorage.setItem('openStreams', String(Number(localStorage.getItem('openStreams') || 0) + n));
              window.EventSource = function (url, options) {
                const source = new Native(url, options);
                const close = source.close.bind(source);
                source.close = () => { add(-1); close(); };
                add(1);
                return source;
              };
            })();
            """;

    private Object script(String js) {
        return SITE.browser().executeScript(js);
    }

    @Test
    void pagesLeftBehindCloseTheirStreamAndARebuildReloadsTheOpenOne() {
        // A browser opens six connections to one host, and each page left behind (kept in the back-forward
        // cache) held its event stream open: from the seventh page on, the preview stalled until a ping.
        Object counter = SITE.browser().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_OPEN_STREAMS))
                .get("identifier");
        try {
            SITE.open("");
            script("localStorage.setItem('openStreams', '1')");
            for (String page : List.of("archive.html", "metrics/index.html", "incidents/index.html", "projects/index.html",
                    "tags/index.html", "2023/2023-02-17.html", "2023/2023-03-03.html", "2023/2023-03-10.html", "2023/2023-02-24.html")) {
                SITE.open(page);
            }
            assertEquals("1", script("return localStorage.getItem('openStreams')"), "only the page on screen holds a stream");
        } finally {
            SITE.browser().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", counter));
        }

        script("window.__beforeReload = true");
        WebDriverWait wait = new WebDriverWait(SITE.browser(), Duration.ofSeconds(10));
        // The page may not have connected to the event stream yet: tell it again until it has reloaded.
        wait.until(d -> {
            SITE.server().reload();
            return script("return window.__beforeReload") == null;
        });
        wait.until(d -> "complete".equals(script("return document.readyState")));
        assertEquals("第09周 2023-02-24", SITE.browser().findElement(By.cssSelector("h1.week-title")).getText());
    }
}
