package io.github.weeklyarchive.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time from saving an edited week to the open page being told to reload, and to that week's page fetched whole
 * (what its author waits for), with `serve` running as a user runs it (its own JVM, warmed by its first build).
 * Three edits are made first, untimed. Run by bench/serve-benchmark.sh; not a test.
 *
 * <p>Arguments: JAR SITE_DIR PORT EDITS
 */
public final class ServeBenchmark {

    private static final int WARM_UP = 3;

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        Path site = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        int edits = Integer.parseInt(args[3]);
        Process serve = new ProcessBuilder("java", "-jar", jar, "serve", "--source", site.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            waitUntilServing(port);
            Path week;
            try (var files = Files.walk(site.resolve("content"))) {
                week = files.filter(f -> f.toString().endsWith(".md")).sorted().reduce((a, b) -> b).orElseThrow();
            }
            String original = Files.readString(week);
            // The generated weeks are named by their date, as is their page (Week.uriFor).
            String name = week.getFileName().toString();
            URI page = URI.create("http://127.0.0.1:" + port + "/"
                    + io.github.weeklyarchive.archive.Week.uriFor(java.time.LocalDate.parse(name.substring(0, name.length() - ".md".length()))));
            List<Long> toReload = new ArrayList<>();
            List<Long> toPage = new ArrayList<>();
            // The first edits of a session run while the JIT is still compiling what an edit does: three are made first
            // and not timed, as an author's first saves are not the ones that matter over an afternoon of writing.
            for (int i = -WARM_UP; i < edits; i++) {
                HttpURLConnection events = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/__livereload").toURL().openConnection();
                BufferedReader reader = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));
                reader.readLine(); // ": connected"
                CompletableFuture<Long> reloaded = CompletableFuture.supplyAsync(() -> {
                    try {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            if (line.equals("event: reload")) {
                                return System.nanoTime();
                            }
                        }
                    } catch (Exception e) {
                        return -1L;
                    }
                    return -1L;
                });
                Thread.sleep(300);
                long saved = System.nanoTime();
                String mark = "99.9" + (i + WARM_UP) + "%";
                // Saved in one step, as editors save: serve must never see the file half written.
                Path draft = site.resolve(".serve-benchmark-draft"); // beside content/, where serve does not look
                Files.writeString(draft, original + "\n- 第" + (i + WARM_UP) + "次修改：入金有效成功率：" + mark + "\n");
                Files.move(draft, week, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                long at = reloaded.get(120, TimeUnit.SECONDS);
                // What the reloaded page does first, and what its author waits for: the edited week's page, whole.
                String body = fetch(page);
                long fetched = System.nanoTime();
                if (!body.contains(mark)) {
                    throw new IllegalStateException("the reloaded page does not show the edit " + mark);
                }
                if (i >= 0) {
                    toReload.add((at - saved) / 1_000_000);
                    toPage.add((fetched - saved) / 1_000_000);
                }
                events.disconnect();
            }
            Files.writeString(week, original);
            System.out.println("save to reload event: " + summary(toReload) + "; save to the edited week's page fetched: " + summary(toPage)
                    + " (" + toPage.size() + " edits)");
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String fetch(URI page) throws java.io.IOException {
        HttpURLConnection c = (HttpURLConnection) page.toURL().openConnection();
        try (var in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format("median %d ms (min %d, max %d)", sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static void waitUntilServing(int port) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("serve did not start");
    }
}
