package io.github.weeklyarchive.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's loop: a build that fails in any way, thrown errors included, leaves the last good build served and the loop watching. */
class RebuildLoopTest {

    @Test
    void aBuildThatThrowsIsReportedInOneLineAndTheLastGoodBuildStaysServed(@TempDir Path dir) throws Exception {
        Path week = dir.resolve("src/content/2023/2023-02-24.md");
        TestSites.write(week, "# 第09周 2023-02-24\n");
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "last good build");

        // Each edit gets the next of these builds: thrown errors, an ordinary failure, then a success.
        List<BooleanSupplier> builds = List.of(
                () -> { throw new StackOverflowError(); },
                () -> { throw new IllegalStateException("boom"); },
                () -> false,
                () -> true);
        BlockingQueue<Integer> built = new ArrayBlockingQueue<>(builds.size());
        AtomicInteger calls = new AtomicInteger();
        StringWriter err = new StringWriter();
        RebuildLoop loop = new RebuildLoop(new SourceWatcher(dir.resolve("src")), () -> {
            int n = calls.getAndIncrement();
            try {
                return builds.get(n).getAsBoolean();
            } finally {
                built.add(n);
            }
        }, new PrintWriter(err, true));
        AtomicInteger reloads = new AtomicInteger();
        Thread watching = new Thread(() -> {
            try {
                loop.watch(reloads::incrementAndGet);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watching");
        HttpClient http = HttpClient.newHttpClient();
        try (PreviewServer server = PreviewServer.start(site, "/", 0)) {
            watching.start();
            for (int edit = 0; edit < builds.size(); edit++) {
                Files.writeString(week, "# 第09周 2023-02-24\n" + "- 修改\n".repeat(edit + 1)); // a new size: the watcher notices
                assertEquals(edit, built.poll(10, TimeUnit.SECONDS), "the loop built again after edit " + edit);
                assertTrue(watching.isAlive(), "still watching after build " + edit);
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url())).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals("last good build", page.body());
            }
        } finally {
            loop.stop(Duration.ofSeconds(5));
            watching.join(5000);
        }
        assertFalse(watching.isAlive(), "stop() ends the loop");
        assertEquals(1, reloads.get(), "only the build that succeeded reloads the pages");
        List<String> lines = err.toString().lines().toList();
        assertEquals(List.of(
                "build failed: internal error java.lang.StackOverflowError (a bug in weekly-archive: please report it with the file you last changed); "
                        + "still serving the last good build",
                "build failed: internal error java.lang.IllegalStateException: boom (a bug in weekly-archive: please report it with the file you "
                        + "last changed); still serving the last good build"), lines);
    }

    @Test
    void noBuildStartsOnceStopped(@TempDir Path dir) {
        AtomicInteger calls = new AtomicInteger();
        RebuildLoop loop = new RebuildLoop(new SourceWatcher(dir), () -> calls.incrementAndGet() > 0, new PrintWriter(new StringWriter()));
        assertTrue(loop.build());
        loop.stop(Duration.ofSeconds(1));
        assertFalse(loop.build());
        assertEquals(1, calls.get());
    }
}
