package io.github.weeklyarchive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.serve.PreviewServer;
import io.github.weeklyarchive.pipeline.BuildOptions;
import io.github.weeklyarchive.pipeline.ReportCache;
import io.github.weeklyarchive.pipeline.SiteBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test site built for the sub-path /repo/, served on localhost, with a browser open on it for the whole
 * test class: {@code @RegisterExtension static ServedSite site = new ServedSite(1280, 900);} serves the
 * three-week site; {@link #asServePreviewsIt} serves every kind of page, with live reload.
 *
 * <p>After each test the browser's console must hold no error: a page that breaks the
 * Content-Security-Policy ("Executing inline script violates the following Content Security Policy directive…"),
 * fails to load a file or throws fails the test that opened it. A test that provokes an error on
 * purpose reads it with {@link Browser#consoleErrors}, which empties the console.
 */
public final class ServedSite implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** Writes a site folder into the given folder and returns it, as {@link TestSites#threeWeeks} does. */
    @FunctionalInterface
    public interface Fixture {
        Path writeInto(Path dir) throws IOException;
    }

    private final int width;
    private final int height;
    private final Fixture fixture;
    private final boolean liveReload;
    private Path dir;
    private Path site;
    private PreviewServer server;
    private ChromeDriver browser;

    public ServedSite(int width, int height) {
        this(width, height, TestSites::threeWeeks, false);
    }

    private ServedSite(int width, int height, Fixture fixture, boolean liveReload) {
        this.width = width;
        this.height = height;
        this.fixture = fixture;
        this.liveReload = liveReload;
    }

    /** A site of the test's own, built and served as the three-week site is. */
    public static ServedSite of(int width, int height, Fixture fixture) {
        return new ServedSite(width, height, fixture, false);
    }

    /** The site as {@code serve} shows it: {@link TestSites#everyKindOfPage}, with the live-reload script in every page. */
    public static ServedSite asServePreviewsIt(int width, int height) {
        return new ServedSite(width, height, TestSites::everyKindOfPage, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("served-site-");
        site = dir.resolve("site");
        BuildOptions options = new BuildOptions(fixture.writeInto(dir.resolve("src")), site, Optional.of("/repo/"), false, liveReload,
                ReportCache.none());
        assertTrue(SiteBuilder.build(options).written());
        server = PreviewServer.start(site, "/repo/", 0);
        browser = Browser.start(width, height);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            List<String> errors = Browser.consoleErrors(browser);
            assertEquals(List.of(), errors, "errors in the browser's console (a Content-Security-Policy violation reads '… violates the following Content Security Policy directive …')");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            delete(dir);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    public PreviewServer server() {
        return server;
    }

    public ChromeDriver browser() {
        return browser;
    }

    /** The built site the server serves. */
    public Path site() {
        return site;
    }

    /**
     * Opens {@code page} (relative to the site's address, "" for the home page) and waits until it has
     * loaded with every image on it: lazy ones are asked for now, as a reader scrolling down would.
     */
    public void open(String page) {
        browser.get(server.url() + page);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
        browser.executeScript("document.querySelectorAll('img').forEach(img => img.loading = 'eager')");
        wait.until(d -> (Boolean) browser.executeScript("return Array.from(document.images).every(img => img.complete)"));
    }
}
