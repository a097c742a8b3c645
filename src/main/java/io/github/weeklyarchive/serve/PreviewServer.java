package io.github.weeklyarchive.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Serves a built site from a folder under its base path ({@code /repo/}), as GitHub Pages would,
 * and tells open pages to reload when {@link #reload()} is called (server-sent events).
 * For previews and tests on this machine: it binds to the loopback address only, and answers only
 * requests addressed to a loopback name, so a web page cannot reach it through DNS rebinding.
 */
public final class PreviewServer implements AutoCloseable {

    /**
     * The Content-Security-Policy every page carries in its {@code <meta http-equiv>} (templates/layout.ftl;
     * GitHub Pages sets no headers). Sent as a header too, so a page without the meta is held to it in a preview.
     * No inline script or style and nothing from other origins, except images: reports embed remote ones.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https: http:; object-src 'none'; base-uri 'self'; form-action 'self'";

    private static final String LIVE_RELOAD = "__livereload";
    /** The preview's own files (the error overlay), under the site's address but never part of a built site. */
    private static final String OWN_FILES = "__weekly-archive/";
    private static final Map<String, String> OWN_RESOURCES = Map.of("overlay.js", "js", "overlay.css", "css");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    /** {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, with or without a port: any other name was resolved by someone else's DNS. */
    private static final Pattern LOOPBACK_HOST = Pattern.compile("(?i)(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d{1,5})?");
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
    private final Site site;
    private final String basePath;
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private final java.util.function.Consumer<String> served;
    /** The messages of the last build when it failed, shown over the open pages; empty while the last build succeeded. */
    private volatile List<String> problems = List.of();

    /**
     * What a preview serves: the folder of a built site, or a site whose files are made when they are asked for
     * ({@code serve}'s, {@link io.github.weeklyarchive.pipeline.LiveSite}). Paths are site-relative, with forward slashes.
     */
    public interface Site {
        /** Whether there is a site yet: until a first build succeeds, every page says the preview is waiting for one. */
        boolean ready();

        /** Whether {@code path} is a folder ({@code ""} is the site's root); its page is its {@code index.html}. */
        boolean isFolder(String path);

        /** The bytes of the file at {@code path}, empty if the site has none. */
        Optional<byte[]> read(String path) throws IOException;

        /** The site built in {@code root}: there is one when the folder exists. */
        static Site folder(Path root) {
            Path absolute = root.toAbsolutePath().normalize();
            return new Site() {
                @Override
                public boolean ready() {
                    return Files.isDirectory(absolute);
                }

                @Override
                public boolean isFolder(String path) {
                    return Files.isDirectory(absolute.resolve(path));
                }

                @Override
                public Optional<byte[]> read(String path) throws IOException {
                    Path file = absolute.resolve(path);
                    return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
                }
            };
        }
    }

    /** Where request paths are resolved to be normalised; never read: only the {@link Site} is. */
    private static final Path NOWHERE = Path.of("").toAbsolutePath().getRoot().resolve("site");

    private PreviewServer(Site site, String basePath, int port, java.util.function.Consumer<String> served) throws IOException {
        this.served = served;
        this.site = site;
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
        return start(Site.folder(root), basePath, port, served);
    }

    /** As {@link #start(Path, String, int, java.util.function.Consumer)}, serving any {@link Site}. */
    public static PreviewServer start(Site site, String basePath, int port, java.util.function.Consumer<String> served) throws IOException {
        PreviewServer preview = new PreviewServer(site, basePath, port, served);
        preview.server.start();
        return preview;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + basePath;
    }

    /**
     * Shows a failed build's messages ({@code path:line: error: ...}) over every open page, until the next
     * {@link #reload()}: pages ask for them at {@code __weekly-archive/problems.json}.
     */
    public void showProblems(List<String> messages) {
        problems = List.copyOf(messages);
    }

    /** Tells every open page to reload: a build succeeded, so the messages of a failed one are taken away first. */
    public void reload() {
        problems = List.of();
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
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !LOOPBACK_HOST.matcher(host).matches()) {
                sendLine(exchange, 403, "Forbidden: the preview answers only requests addressed to localhost, 127.0.0.1 or [::1], not "
                        + (host == null ? "one without a Host header" : "to '" + host + "'") + " (a protection against DNS rebinding)");
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<String> decoded = rawPath == null ? Optional.empty() : decode(rawPath);
            if (decoded.isEmpty()) {
                sendLine(exchange, 400, "Bad request: the path holds a malformed %-escape, bytes that are not UTF-8, or a control character");
                return;
            }
            String path = decoded.get();
            if (!path.startsWith(basePath)) {
                if ((path + "/").equals(basePath)) {
                    redirect(exchange, basePath);
                } else {
                    send(exchange, 404, "text/plain; charset=utf-8", ("Not under " + basePath).getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            String relative = path.substring(basePath.length());
            if (relative.equals(LIVE_RELOAD)) {
                holdOpenForReload(exchange);
                return;
            }
            if (relative.startsWith(OWN_FILES)) {
                sendOwn(exchange, relative.substring(OWN_FILES.length()));
                return;
            }
            if (!site.ready()) { // no build has succeeded yet: say so, with the messages, on whatever page is asked for
                send(exchange, 200, TYPES.get("html"), resource("waiting.html").replace("BASE", basePath).getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file;
            try {
                file = NOWHERE.resolve(relative).normalize();
            } catch (InvalidPathException e) {
                sendLine(exchange, 400, "Bad request: the path names no file this system can hold");
                return;
            }
            if (!file.startsWith(NOWHERE)) {
                send(exchange, 403, "text/plain; charset=utf-8", "Forbidden".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = NOWHERE.relativize(file).toString().replace('\\', '/');
            if (site.isFolder(name)) {
                if (!rawPath.endsWith("/")) {
                    redirect(exchange, rawPath + "/");
                    return;
                }
                name = name.isEmpty() ? "index.html" : name + "/index.html";
            }
            // A page whose template fails gives its messages, as a failed build's; a file that could not be made (an
            // asset deleted meanwhile, a chart or download not written) says so too, rather than dropping the connection.
            Optional<byte[]> body;
            byte[] notFound = null;
            try {
                body = site.read(name);
                if (body.isEmpty()) {
                    notFound = site.read("404.html").orElse("Not found".getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException | RuntimeException e) {
                sendLine(exchange, 500, e instanceof UncheckedIOException unchecked ? unchecked.getCause().getMessage() : String.valueOf(e.getMessage()));
                return;
            }
            if (body.isPresent()) {
                send(exchange, 200, typeOf(name), body.get());
                served.accept(name);
            } else {
                send(exchange, 404, "text/html; charset=utf-8", notFound);
            }
        }
    }

    /**
     * The decoded form of a raw URL path, or empty if it is malformed: a bad or truncated %-escape, bytes
     * that are not UTF-8, or a control character (NUL above all). A lenient decoder would pass these on
     * as replacement characters, or as names the file system throws on.
     */
    private static Optional<String> decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int escape = raw.indexOf('%', i);
            if (escape < 0) {
                escape = raw.length();
            }
            bytes.writeBytes(raw.substring(i, escape).getBytes(StandardCharsets.UTF_8));
            if (escape == raw.length()) {
                break;
            }
            int high = escape + 2 < raw.length() ? Character.digit(raw.charAt(escape + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(raw.charAt(escape + 2), 16) : -1;
            if (low < 0) {
                return Optional.empty();
            }
            bytes.write(high * 16 + low);
            i = escape + 3;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            return text.chars().anyMatch(Character::isISOControl) ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
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

    /** The overlay's script and style, and the messages it shows. */
    private void sendOwn(HttpExchange exchange, String name) throws IOException {
        if (name.equals("problems.json")) {
            send(exchange, 200, TYPES.get("json"), JSON.writeValueAsBytes(problems));
        } else if (OWN_RESOURCES.containsKey(name)) {
            send(exchange, 200, TYPES.get(OWN_RESOURCES.get(name)), resource(name).getBytes(StandardCharsets.UTF_8));
        } else {
            sendLine(exchange, 404, "Not found: the preview has no file " + OWN_FILES + name);
        }
    }

    private static String resource(String name) throws IOException {
        try (java.io.InputStream in = PreviewServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(301, -1);
    }

    private static void sendLine(HttpExchange exchange, int status, String line) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (type.startsWith("text/html")) {
            exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String typeOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
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
