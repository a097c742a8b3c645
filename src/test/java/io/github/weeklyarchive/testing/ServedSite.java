package io.github.weeklyarchive.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.serve.PreviewServer;
import io.github.weeklyarchive.site.BuildOptions;
import io.github.weeklyarchive.site.SiteBuilder;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;

/** The three-week test site, built for the sub-path /repo/, served on localhost, with a browser open on it. */
public final class ServedSite implements AutoCloseable {

    public final PreviewServer server;
    public final ChromeDriver browser;

    private ServedSite(PreviewServer server, ChromeDriver browser) {
        this.server = server;
        this.browser = browser;
    }

    public static ServedSite threeWeeks(Path dir, int width, int height) throws Exception {
        Path site = dir.resolve("site");
        assertTrue(SiteBuilder.build(BuildOptions.of(TestSites.threeWeeks(dir.resolve("src")), site).withBaseUrl("/repo/")).written());
        PreviewServer server = PreviewServer.start(site, "/repo/", 0);
        try {
            return new ServedSite(server, Browser.start(width, height));
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            server.close();
        }
    }
}
