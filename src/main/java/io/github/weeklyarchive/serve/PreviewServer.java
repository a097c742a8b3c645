package io.github.weeklyarchive.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a built site from a folder under its base path ({@code /repo/}), as GitHub Pages would,
 * and tells open pages to reload when {@link #reload()} is called (server-sent events).
 * For previews and tests on this machine: it binds to the loopback address only.
 */
public final class PreviewServer implements AutoCloseable {

    private static final String LIVE_RELOAD = "__livereload";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("pdf", "application/pdf"), Map.entry("ico", "image/x-icon"));

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "preview-server");
        t.setDaemon(true);
        return t;
    });
    private final Path root;
    private final String basePath;
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private final java.util.function.Consumer<String> served;

    private PreviewServer(Path root, String basePath, int port, java.util.function.Consumer<String> served) throws IOException {
        this.served = served;
        this.root = root.toAbsolutePath().normalize();
        this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
    }

    /** Starts serving {@code root} at {@code http://127.0.0.1:port/basePath}; port 0 picks a free one. */
    public static PreviewServer start(Path root, String basePath, int port) throws IOException {
        return start(root, basePath, port, path -> { });
    }

    /**
     * As {@link #start(Path, String, int)}, telling {@code served} the site-relative path of every file
     * sent: how the search benchmark counts what a query fetches, web workers' requests included.
     */
    public static PreviewServer start(Path root, String basePath, int port, java.util.function.Consumer<String> served) throws IOException {
        PreviewServer preview = new PreviewServer(root, basePath, port, served);
        preview.server.start();
        return preview;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + basePath;
    }

    /** Tells every open page to reload. */
    public void reload() {
        for (OutputStream listener : listeners) {
            try {
                listener.write("event: reload\ndata: 1\n\n".getBytes(StandardCharsets.UTF_8));
                listener.flush();
            } catch (IOException e) {
                listeners.remove(listener); // the page was closed
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!path.startsWith(basePath)) {
                if ((path + "/").equals(basePath)) {
                    redirect(exchange, basePath);
                } else {
                    send(exchange, 404, "text/plain; charset=utf-8", ("Not under " + basePath).getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            String relative = URLDecoder.decode(path.substring(basePath.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
            if (relative.equals(LIVE_RELOAD)) {
                holdOpenForReload(exchange);
                return;
            }
            Path file = root.resolve(relative).normalize();
            if (!file.startsWith(root)) {
                send(exchange, 403, "text/plain; charset=utf-8", "Forbidden".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    redirect(exchange, path + "/");
                    return;
                }
                file = file.resolve("index.html");
            }
            if (Files.isRegularFile(file)) {
                send(exchange, 200, typeOf(file), Files.readAllBytes(file));
                served.accept(root.relativize(file).toString().replace('\\', '/'));
            } else {
                Path notFound = root.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? Files.readAllBytes(notFound) : "Not found".getBytes(StandardCharsets.UTF_8);
                send(exchange, 404, "text/html; charset=utf-8", body);
            }
        }
    }

    private void holdOpenForReload(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        listeners.add(body);
        try {
            // Keep this exchange open until the page goes away; a comment line every few seconds finds out when.
            while (listeners.contains(body)) {
                Thread.sleep(5000);
                body.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        } catch (IOException | InterruptedException e) {
            listeners.remove(body);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(301, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String typeOf(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    @Override
    public void close() {
        listeners.clear();
        server.stop(0);
        threads.shutdownNow();
    }
}
