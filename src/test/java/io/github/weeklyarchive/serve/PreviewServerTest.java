package io.github.weeklyarchive.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `serve` is made of: noticing an edit, telling an open page to reload, and answering only what it should. */
class PreviewServerTest {

    /** A response read off the socket as sent: status line, headers, body. */
    private record Raw(int status, String head, String body) {
        String header(String name) {
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }
    }

    /**
     * Sends {@code requestLine} and {@code headers} as written, to the loopback address only, and reads the whole
     * response: an HTTP client would refuse to send a NUL or a foreign Host, which is what these tests need.
     */
    private static Raw send(PreviewServer server, String requestLine, String... headers) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 "), () -> requestLine + ": no response, the connection was dropped: '" + response + "'");
            int split = response.indexOf("\r\n\r\n");
            return new Raw(Integer.parseInt(response.substring(9, 12)), response.substring(0, split), response.substring(split + 4));
        }
    }

    @Test
    void aFailedBuildsMessagesAreServedUntilTheNextReloadAndOnlyThePreviewHasTheOverlay(@TempDir Path dir) throws Exception {
        Path source = io.github.weeklyarchive.testing.TestSites.threeWeeks(dir.resolve("src"));
        io.github.weeklyarchive.pipeline.BuildResult built = io.github.weeklyarchive.pipeline.SiteBuilder.build(
                io.github.weeklyarchive.pipeline.BuildOptions.of(source, dir.resolve("site")));
        assertTrue(built.written());
        try (java.util.stream.Stream<Path> files = Files.walk(dir.resolve("site"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("__weekly-archive"), file + " refers to the overlay");
            }
        }
        try (PreviewServer server = PreviewServer.start(dir.resolve("site"), "/repo/", 0)) {
            assertEquals("[]", send(server, "GET /repo/__weekly-archive/problems.json HTTP/1.1", "Host: localhost").body());
            server.showProblems(List.of("content/a.md:3: error: \"quoted\" <b>"));
            Raw problems = send(server, "GET /repo/__weekly-archive/problems.json HTTP/1.1", "Host: localhost");
            assertEquals("application/json", problems.header("Content-Type"));
            assertEquals("[\"content/a.md:3: error: \\\"quoted\\\" <b>\"]", problems.body());
            server.reload();
            assertEquals("[]", send(server, "GET /repo/__weekly-archive/problems.json HTTP/1.1", "Host: localhost").body());
            Raw script = send(server, "GET /repo/__weekly-archive/overlay.js HTTP/1.1", "Host: localhost");
            assertEquals(200, script.status());
            assertTrue(script.body().contains("textContent"), "messages are shown as text, never as HTML");
            assertEquals(404, send(server, "GET /repo/__weekly-archive/other.js HTTP/1.1", "Host: localhost").status());
        }
        try (PreviewServer none = PreviewServer.start(dir.resolve("not-built-yet"), "/repo/", 0)) {
            Raw waiting = send(none, "GET /repo/2023/2023-02-17.html HTTP/1.1", "Host: localhost");
            assertTrue(waiting.body().contains("<script src=\"/repo/__weekly-archive/overlay.js\" data-reload-when-fixed>"), waiting.body());
        }
    }

    @Test
    void onlyRequestsAddressedToALoopbackNameAreServed(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<p>hi</p>");
        try (PreviewServer server = PreviewServer.start(site, "/repo/", 0)) {
            String port = ":" + server.port();
            for (String host : List.of("localhost", "localhost" + port, "127.0.0.1", "127.0.0.1" + port, "[::1]", "[::1]" + port, "LocalHost" + port)) {
                assertEquals(200, send(server, "GET /repo/ HTTP/1.1", "Host: " + host).status(), host);
            }
            // DNS rebinding: a page on evil.example, its name now pointing at 127.0.0.1, asks with its own name.
            for (String host : List.of("evil.example", "evil.example" + port, "localhost.evil.example", "127.0.0.1.nip.io" + port,
                    "localhost:8820@evil.example", "")) {
                Raw response = send(server, "GET /repo/ HTTP/1.1", "Host: " + host);
                assertEquals(403, response.status(), host);
                assertEquals(1, response.body().lines().count(), response.body());
                assertTrue(response.body().contains("localhost, 127.0.0.1 or [::1]") && response.body().contains("DNS rebinding"), response.body());
                assertFalse(response.body().contains("<p>hi</p>"));
            }
            assertEquals(403, send(server, "GET /repo/ HTTP/1.0").status(), "no Host header at all");
            assertEquals(403, send(server, "GET /repo/__livereload HTTP/1.1", "Host: evil.example").status(), "nor the reload stream");
        }
    }

    @Test
    void aMalformedPathGets400NeverAnErrorOrADroppedConnection(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<p>hi</p>");
        try (PreviewServer server = PreviewServer.start(site, "/repo/", 0)) {
            for (String path : List.of("/repo/%00", "/repo/a%00b.html", "/repo/%zz", "/repo/%", "/repo/%4", "/repo/%e4", "/repo/%ff.html",
                    "/repo/%0a", "/%00", "/repo/\0", "/repo/a\0b.html")) {
                Raw response = send(server, "GET " + path + " HTTP/1.1", "Host: localhost");
                String shown = path.replace("\0", "<NUL>");
                assertEquals(400, response.status(), shown);
                // %zz and a raw NUL never reach the handler: the JDK's server refuses them itself ("URISyntaxException thrown").
                assertTrue(response.body().strip().lines().count() <= 1 && !response.body().contains("\tat "), shown + ": " + response.body());
            }
            assertEquals(200, send(server, "GET /repo/index.html HTTP/1.1", "Host: localhost").status(), "still serving");
            assertEquals(200, send(server, "GET /repo/%69ndex.html HTTP/1.1", "Host: localhost").status(), "a well-formed escape is decoded");
        }
    }

    @Test
    void htmlIsSentWithTheContentSecurityPolicyThePagesCarry(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<p>hi</p>");
        Files.writeString(site.resolve("site.css"), "p { color: red }");
        try (PreviewServer server = PreviewServer.start(site, "/repo/", 0)) {
            assertEquals(PreviewServer.CONTENT_SECURITY_POLICY, send(server, "GET /repo/ HTTP/1.1", "Host: localhost").header("Content-Security-Policy"));
            assertEquals(PreviewServer.CONTENT_SECURITY_POLICY,
                    send(server, "GET /repo/no-such-page.html HTTP/1.1", "Host: localhost").header("Content-Security-Policy"), "the 404 page too");
            assertEquals(null, send(server, "GET /repo/site.css HTTP/1.1", "Host: localhost").header("Content-Security-Policy"));
        }
    }

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
