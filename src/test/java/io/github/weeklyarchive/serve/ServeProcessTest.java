package io.github.weeklyarchive.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.weeklyarchive.testing.Browser;
import io.github.weeklyarchive.testing.TestSites;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code serve} as a user runs it: its own JVM, stopped by a signal. It must leave nothing in the temporary
 * folder, and outlive a report that breaks the build. The JVM's temporary folder is one of the test's own.
 */
class ServeProcessTest {

    private static final Duration START = Duration.ofSeconds(90); // a cold JVM's first build, on a busy machine
    private static final Pattern SERVING = Pattern.compile("serving http://localhost:(\\d+)/ \\(Ctrl\\+C to stop\\)");

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private Process serve;

    @TempDir
    Path dir;

    private Path tmp() {
        return dir.resolve("tmp");
    }

    /** Starts serve on a free port and returns the port once it says it is serving. */
    private int startServe(Path source) throws Exception {
        Files.createDirectories(tmp());
        serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp(), "-cp", System.getProperty("java.class.path"),
                "io.github.weeklyarchive.cli.Main", "serve", "--source", source.toString(), "--port", "0").start();
        collect(serve.getInputStream(), "out: ");
        collect(serve.getErrorStream(), "err: ");
        Matcher serving = SERVING.matcher(awaitLine(line -> SERVING.matcher(line).find(), START));
        assertTrue(serving.find());
        return Integer.parseInt(serving.group(1));
    }

    private void collect(InputStream stream, String prefix) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(prefix + line);
                }
            } catch (IOException e) {
                lines.add(prefix + e);
            }
        }, "serve " + prefix.trim());
        reader.setDaemon(true);
        reader.start();
    }

    /** The first line, stdout or stderr, that {@code wanted} accepts; fails if serve exits or the time runs out first. */
    private String awaitLine(Predicate<String> wanted, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (wanted.test(line)) {
                    return line;
                }
            } else if (!serve.isAlive() && lines.isEmpty()) {
                fail("serve exited with " + serve.exitValue() + "; it said:\n" + String.join("\n", seen));
            }
        }
        return fail("serve did not say it within " + within + "; it said:\n" + String.join("\n", seen));
    }

    /** Stops serve as Ctrl+C or a service manager would (Process.destroy sends SIGTERM on Linux). */
    private void stopServe() throws InterruptedException {
        serve.destroy();
        assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stopped on SIGTERM");
    }

    private List<String> leftInTmp() throws IOException {
        try (Stream<Path> files = Files.walk(tmp())) {
            return files.filter(f -> !f.equals(tmp())).map(f -> tmp().relativize(f).toString()).sorted().toList();
        }
    }

    @AfterEach
    void killServeIfStillRunning() throws InterruptedException {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The error overlay in real Chromium, against serve as a user runs it: a broken edit shows the failed build's
     * path:line message over the open page, and the fix takes it away. Serve also opens on the week edited last.
     */
    @Test
    void aFailedBuildShowsItsMessagesOverTheOpenPageUntilTheNextBuildSucceeds() throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        Path week = source.resolve("content/2023/2023-02-17.md");
        Files.setLastModifiedTime(week, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(60)));
        int port = startServe(source);
        String page = "http://localhost:" + port + "/2023/2023-02-17.html";
        assertTrue(seen.stream().anyMatch(l -> l.endsWith("; the week you edited last: " + page)), String.join("\n", seen));
        ChromeDriver browser = Browser.start(1280, 900);
        try {
            browser.get(page);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            wait.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
            String good = Files.readString(week);
            Files.writeString(week, good + "\n<!-- private -->\n- 还没写完的内部备注\n");
            WebElement overlay = wait.until(d -> d.findElements(By.id("weekly-archive-overlay")).stream().findFirst().orElse(null));
            wait.until(d -> overlay.getText().contains("content/2023/2023-02-17.md:17: error: this private block is never closed"));
            assertEquals("第08周 2023-02-17", browser.findElement(By.cssSelector("h1.week-title")).getText(), "the last good page, under it");
            Browser.screenshot(browser, "serve-error-overlay-1280");
            browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                    List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            Browser.screenshot(browser, "serve-error-overlay-390-dark");

            Files.writeString(week, good.replace("99.93%", "99.94%"));
            wait.until(d -> d.findElements(By.id("weekly-archive-overlay")).isEmpty()
                    && browser.getPageSource().contains("99.94%"));
            assertEquals(List.of(), Browser.consoleErrors(browser), "no Content-Security-Policy violation, no failed request");
        } finally {
            browser.quit();
        }
        stopServe();
    }

    @Test
    void sigtermDeletesThePreviewFolderAndLeavesNothingInTmp() throws Exception {
        int port = startServe(TestSites.threeWeeks(dir.resolve("src")));
        assertEquals(200, get(port).statusCode());
        assertEquals(200, get(port, "data/metrics.csv").statusCode()); // written when first asked for
        List<String> whileServing = leftInTmp();
        assertTrue(whileServing.stream().anyMatch(f -> f.matches("weekly-archive-preview-\\d+/site/.+/data/metrics.csv")),
                "serve writes what it makes into a preview folder in java.io.tmpdir: " + whileServing);
        stopServe();
        assertEquals(List.of(), leftInTmp());
    }

    @Test
    void serveOutlivesAReportThatBreaksTheBuildAndKeepsServingTheLastGoodOne() throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        int port = startServe(source);
        // 400 nested list levels overflow the Markdown renderer's stack: once this ended serve.
        StringBuilder deep = new StringBuilder("# 第11周 2023-03-10\n\n");
        for (int level = 0; level < 400; level++) {
            deep.append("  ".repeat(level)).append("- 第").append(level).append("层\n");
        }
        Path week = source.resolve("content/2023/2023-03-10.md");
        saveWhole(week, deep.toString());
        // The parser now bounds nesting (an error at the line); a crash in the build would say "internal error".
        awaitLine(line -> line.startsWith("err: build failed") || line.startsWith("out: rebuilt"), START);
        assertTrue(serve.isAlive(), "serve is still running");
        HttpResponse<String> home = get(port);
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("第10周 2023-03-03") || home.body().contains("第11周 2023-03-10"), "a build is served");

        saveWhole(week, "# 第11周 2023-03-10\n\n- 改好了\n");
        awaitLine(line -> line.startsWith("out: rebuilt 4 weeks"), START);
        assertTrue(get(port).body().contains("第11周 2023-03-10"), "the fixed week is served");
        stopServe();
        assertEquals(List.of(), leftInTmp());
    }

    /** Saves a file in one step, as editors do, so serve never builds it half-written. */
    private void saveWhole(Path file, String text) throws IOException {
        Path draft = dir.resolve("draft.md");
        TestSites.write(draft, text);
        Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static HttpResponse<String> get(int port) throws Exception {
        return get(port, "");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
