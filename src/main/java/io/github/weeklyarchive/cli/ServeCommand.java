package io.github.weeklyarchive.cli;

import io.github.weeklyarchive.serve.PreviewFolder;
import io.github.weeklyarchive.serve.PreviewServer;
import io.github.weeklyarchive.serve.RebuildLoop;
import io.github.weeklyarchive.serve.SourceWatcher;
import io.github.weeklyarchive.pipeline.BuildOptions;
import io.github.weeklyarchive.pipeline.BuildResult;
import io.github.weeklyarchive.pipeline.ReportCache;
import io.github.weeklyarchive.pipeline.SiteBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code serve}: builds, serves on localhost, and rebuilds and reloads the browser on every edit. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Preview the site on http://localhost, rebuilding and reloading the page on every change.")
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

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String path = URI.create(basePath.endsWith("/") ? basePath : basePath + "/").getPath();
        PreviewFolder folder = PreviewFolder.create();
        Path output = folder.site();
        BuildOptions options = new BuildOptions(source, output, Optional.of(path), drafts, true, ReportCache.keeping());
        RebuildLoop loop = new RebuildLoop(new SourceWatcher(source), () -> rebuild(options, out, err), err);
        // Ctrl+C (SIGINT) and SIGTERM end the JVM wherever the loop is: a preview leaves nothing behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            loop.stop(FINISH_BUILD_ON_EXIT);
            folder.delete(err);
        }, "serve-cleanup"));
        if (!loop.build() && !Files.exists(output)) {
            err.println("fix the errors above; serve keeps watching and builds again on every change");
        }
        PreviewServer started;
        try {
            started = PreviewServer.start(output, path, port);
        } catch (java.net.BindException e) {
            err.println("port " + port + " on 127.0.0.1 is in use (another serve?); stop it, or choose another with --port");
            return 1;
        }
        try (PreviewServer server = started) {
            out.println("serving " + server.url().replace("127.0.0.1", "localhost") + " (Ctrl+C to stop)");
            loop.watch(server::reload);
        }
        return 0;
    }

    private static boolean rebuild(BuildOptions options, PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        BuildResult result = SiteBuilder.build(options);
        Reporter.print(result.problems(), err);
        if (result.failed()) {
            err.println("build failed (" + Reporter.count(result.problems()) + "); still serving the last good build");
            return false;
        }
        out.printf("rebuilt %s in %d ms%n", Reporter.weeks(result.weeks()), (System.nanoTime() - start) / 1_000_000);
        return true;
    }
}
