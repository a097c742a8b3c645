package io.github.weeklyarchive.cli;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.serve.LastEdited;
import io.github.weeklyarchive.serve.PreviewFolder;
import io.github.weeklyarchive.serve.PreviewServer;
import io.github.weeklyarchive.serve.RebuildLoop;
import io.github.weeklyarchive.serve.SourceWatcher;
import io.github.weeklyarchive.pipeline.BuildOptions;
import io.github.weeklyarchive.pipeline.BuildResult;
import io.github.weeklyarchive.pipeline.ReportCache;
import io.github.weeklyarchive.pipeline.LiveSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code serve}: builds, serves on localhost, and rebuilds and reloads the browser on every edit. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Preview the site on http://localhost, rebuilding and reloading the page on every change; a failed build's "
                + "messages are shown over the page until the next build succeeds.")
final class ServeCommand implements Callable<Integer> {

    /** How long Ctrl+C waits for a build under way: it removes its own staging folder when it ends. */
    private static final Duration FINISH_BUILD_ON_EXIT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = ".", paramLabel = "DIR", description = "The site folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--port", defaultValue = "8820", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--base-path", defaultValue = "/", paramLabel = "PATH",
            description = "Serve under this path, as GitHub Pages serves a project site under /repo/ (default: ${DEFAULT-VALUE}).")
    String basePath;

    @Option(names = "--drafts", description = "Include reports marked draft: true.")
    boolean drafts;

    @Option(names = "--open", description = "Open the page of the report edited last in the browser.")
    boolean open;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String path = URI.create(basePath.endsWith("/") ? basePath : basePath + "/").getPath();
        PreviewFolder folder = PreviewFolder.create();
        // Between edits, the source is loaded again (only the changed files parsed) and the files of the site are made
        // when a browser asks for them, each kept until an edit changes what it is made from (LiveSite).
        BuildOptions options = new BuildOptions(source, folder.site(), Optional.of(path), drafts, true, ReportCache.keeping());
        LiveSite site = new LiveSite(options, Files.createDirectories(folder.site()));
        // A failed build's messages are shown over the open pages too (PreviewServer#showProblems), not only here.
        AtomicReference<PreviewServer> serving = new AtomicReference<>();
        AtomicReference<List<String>> failed = new AtomicReference<>(List.of());
        RebuildLoop loop = new RebuildLoop(new SourceWatcher(source), () -> {
            BuildResult result = rebuild(site, out, err);
            if (result.failed()) {
                failed.set(result.problems().stream().map(Problem::toString).toList());
                Optional.ofNullable(serving.get()).ifPresent(server -> server.showProblems(failed.get()));
            }
            return !result.failed();
        }, err);
        // Ctrl+C (SIGINT) and SIGTERM end the JVM wherever the loop is: a preview leaves nothing behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            loop.stop(FINISH_BUILD_ON_EXIT);
            folder.delete(err);
        }, "serve-cleanup"));
        // The server knows sites only as PreviewServer.Site (serve depends on pipeline, not the other way round).
        PreviewServer.Site served = new PreviewServer.Site() {
            @Override
            public boolean ready() {
                return site.ready();
            }

            @Override
            public boolean isFolder(String path) {
                return site.isFolder(path);
            }

            @Override
            public Optional<byte[]> read(String path) throws IOException {
                return site.read(path);
            }
        };
        if (!loop.build() && !site.ready()) {
            err.println("fix the errors above; serve keeps watching and builds again on every change");
        }
        PreviewServer started;
        try {
            started = PreviewServer.start(served, path, port, file -> { });
        } catch (java.net.BindException e) {
            err.println("port " + port + " on 127.0.0.1 is in use (another serve?); stop it, or choose another with --port");
            return 1;
        }
        try (PreviewServer server = started) {
            server.showProblems(failed.get());
            serving.set(server);
            String url = server.url().replace("127.0.0.1", "localhost");
            String page = url + LastEdited.page(source, served).orElse("");
            out.println("serving " + url + " (Ctrl+C to stop)" + (page.equals(url) ? "" : "; the week you edited last: " + page));
            if (open) {
                openInBrowser(page, err);
            }
            loop.watch(server::reload);
        }
        return 0;
    }

    private static BuildResult rebuild(LiveSite site, PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        BuildResult result = site.update();
        Reporter.print(result.problems(), err);
        if (result.failed()) {
            err.println("build failed (" + Reporter.count(result.problems()) + "); still serving the last good build");
            return result;
        }
        out.printf("rebuilt %s in %d ms%n", Reporter.weeks(result.weeks()), (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /** The desktop's browser, or the command each system opens addresses with; if none, the address is printed to open by hand. */
    private static void openInBrowser(String url, PrintWriter err) {
        try {
            if (java.awt.Desktop.isDesktopSupported() && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(URI.create(url));
                return;
            }
            String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
            List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                    : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | UnsupportedOperationException e) { // HeadlessException is one
            err.println("--open: could not start a browser (" + e.getMessage() + "); open " + url + " yourself");
        }
    }
}
