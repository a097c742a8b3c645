package io.github.weeklyarchive.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `serve` is made of: noticing an edit, and telling an open page to reload. */
class PreviewServerTest {

    @Test
    void theWatcherNoticesAnEditAnAdditionAndADeletion(@TempDir Path site) throws Exception {
        Path week = Files.createDirectories(site.resolve("content/2023")).resolve("a.md");
        Files.writeString(week, "# 第09周 2023-02-24\n");
        SourceWatcher watcher = new SourceWatcher(site);
        assertFalse(watcher.changed());
        Files.writeString(week, "# 第09周 2023-02-24\n- 入金有效成功率：99.98%\n");
        Files.setLastModifiedTime(week, FileTime.fromMillis(System.currentTimeMillis() + 2000));
        assertTrue(watcher.changed());
        assertFalse(watcher.changed());
        Files.writeString(site.resolve("content/2023/b.md"), "# 第10周 2023-03-03\n");
        assertTrue(watcher.changed());
        Files.delete(week);
        assertTrue(watcher.changed());
        Files.writeString(site.resolve("output.txt"), "outside the watched folders");
        assertFalse(watcher.changed());
    }

    @Test
    void anOpenPageIsToldToReload(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<p>hi</p>");
        try (PreviewServer server = PreviewServer.start(site, "/repo/", 0)) {
            HttpURLConnection events = (HttpURLConnection) URI.create(server.url() + "__livereload").toURL().openConnection();
            assertEquals("text/event-stream", events.getHeaderField("Content-Type"));
            BufferedReader reader = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));
            assertEquals(": connected", reader.readLine());
            CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.startsWith("event:")) {
                            return line;
                        }
                    }
                    return "closed";
                } catch (Exception e) {
                    return e.toString();
                }
            });
            server.reload();
            assertEquals("event: reload", event.get(5, TimeUnit.SECONDS));
            events.disconnect();
        }
    }
}
