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
 * Time from saving an edited week to the open page being told to reload, with `serve` running as a
 * user runs it (its own JVM, warmed by its first build). Run by bench/serve-benchmark.sh; not a test.
 *
 * <p>Arguments: JAR SITE_DIR PORT EDITS
 */
public final class ServeBenchmark {

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
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < edits; i++) {
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
                Files.writeString(week, original + "\n- 第" + i + "次修改：入金有效成功率：99.9" + i + "%\n");
                long at = reloaded.get(120, TimeUnit.SECONDS);
                millis.add((at - saved) / 1_000_000);
                events.disconnect();
            }
            Files.writeString(week, original);
            Collections.sort(millis);
            System.out.printf("edit to reload: median %d ms, min %d ms, max %d ms over %d edits%n",
                    millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1), millis.size());
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
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
