package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.chart.ChartWriter;
import io.github.weeklyarchive.site.SiteRenderer;
import java.util.concurrent.CompletableFuture;

/**
 * Start-up work a build needs after its reports are parsed, done before, on the core that picocli and parsing
 * leave idle: a build of one week spent 0.3 of its 0.9 s loading JBake's configuration classes, FreeMarker's
 * template parser and the chart classes, on one core, after the other one had been idle since the JVM started.
 *
 * <p>The command line starts it ({@code Main}) as soon as it knows the command renders a site. A stage that uses
 * what is warmed waits for the warm-up first ({@link #beforeRendering}, {@link #beforeCharts}), so the warm-up and
 * the stage never load the same classes at once (two threads initialising classes that refer to each other can
 * deadlock), and the parser's classes, loaded meanwhile, are never touched here. One per JVM: the warm-up is
 * the process's, not a build's; in tests, where nothing starts it, the waits return at once.
 */
public final class WarmUp {

    private static volatile CompletableFuture<Void> rendering = CompletableFuture.completedFuture(null);
    private static volatile CompletableFuture<Void> charts = CompletableFuture.completedFuture(null);

    private WarmUp() {
    }

    /** Starts the warm-up on a daemon thread of its own and returns at once; a command that needs none of it does not wait. */
    public static synchronized void start() {
        CompletableFuture<Void> renderingDone = new CompletableFuture<>();
        CompletableFuture<Void> chartsDone = new CompletableFuture<>();
        rendering = renderingDone;
        charts = chartsDone;
        Thread thread = new Thread(() -> {
            run(SiteRenderer::warmUp, renderingDone);
            run(ChartWriter::warmUp, chartsDone);
        }, "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the renderer's warm-up has finished (at once if it was never started). */
    static void beforeRendering() {
        rendering.join();
    }

    /** Waits until the charts' warm-up has finished (at once if it was never started). */
    static void beforeCharts() {
        charts.join();
    }

    private static void run(Runnable warming, CompletableFuture<Void> done) {
        try {
            warming.run();
        } catch (RuntimeException | LinkageError e) {
            // Best effort: whatever failed here, the stage meets again, where it is reported properly.
        } finally {
            done.complete(null);
        }
    }
}
