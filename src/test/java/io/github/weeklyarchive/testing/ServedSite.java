package io.github.weeklyarchive.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.serve.PreviewServer;
import io.github.weeklyarchive.pipeline.BuildOptions;
import io.github.weeklyarchive.pipeline.SiteBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The three-week test site, built for the sub-path /repo/, served on localhost, with a browser open
 * on it for the whole test class: {@code @RegisterExtension static ServedSite site = new ServedSite(1280, 900);}
 */
public final class ServedSite implements BeforeAllCallback, AfterAllCallback {

    private final int width;
    private final int height;
    private Path dir;
    private PreviewServer server;
    private ChromeDriver browser;

    public ServedSite(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("served-site-");
        Path site = dir.resolve("site");
        assertTrue(SiteBuilder.build(BuildOptions.of(TestSites.threeWeeks(dir.resolve("src")), site).withBaseUrl("/repo/")).written());
        server = PreviewServer.start(site, "/repo/", 0);
        browser = Browser.start(width, height);
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
}
