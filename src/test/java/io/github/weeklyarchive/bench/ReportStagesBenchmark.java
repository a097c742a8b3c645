package io.github.weeklyarchive.bench;

import io.github.weeklyarchive.commitments.CommitmentExtractor;
import io.github.weeklyarchive.commitments.CommitmentsConfig;
import io.github.weeklyarchive.metrics.IncidentExtractor;
import io.github.weeklyarchive.metrics.MetricExtractor;
import io.github.weeklyarchive.metrics.MetricsConfig;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import io.github.weeklyarchive.screening.Screener;
import io.github.weeklyarchive.screening.ScreeningRules;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The per-report stages of a build on one file (a 20 MB report, say): parse, metrics, incidents, commitments
 * and screening, each on this thread, RUNS times in one JVM; prints each stage's CPU time (of this thread: the
 * collector's time is not in it, and other work on the machine moves it less than wall time) and bytes allocated.
 * Run by bench/report-stages-benchmark.sh; not a test.
 *
 * <p>Arguments: MARKDOWN_FILE [RUNS]
 */
public final class ReportStagesBenchmark {

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int run = 1; run <= runs; run++) {
            StringBuilder line = new StringBuilder("run " + run + ":");
            Report report = stage(line, "parse", () -> ReportParser.parse(name, bytes)).report()
                    .orElseThrow(() -> new IllegalArgumentException(name + " does not parse to a report"));
            stage(line, "metrics", () -> MetricExtractor.extract(report, MetricsConfig.defaults()));
            stage(line, "incidents", () -> IncidentExtractor.extract(report, MetricsConfig.defaults()));
            stage(line, "commitments", () -> CommitmentExtractor.extract(report, CommitmentsConfig.defaults()));
            stage(line, "screening", () -> Screener.screen(name, text, ScreeningRules.defaults()));
            System.out.println(line);
        }
    }

    private static <T> T stage(StringBuilder line, String name, Supplier<T> stage) {
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long cpu = THREADS.getCurrentThreadCpuTime();
        T result = stage.get();
        line.append(String.format(" %s %d ms CPU, %d MB allocated;", name, (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000,
                (THREADS.getCurrentThreadAllocatedBytes() - allocated) >> 20));
        return result;
    }
}
