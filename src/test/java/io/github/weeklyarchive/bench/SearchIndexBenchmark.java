package io.github.weeklyarchive.bench;

import io.github.weeklyarchive.pipeline.SiteBuilder;
import io.github.weeklyarchive.search.SearchIndexWriter;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The search stage alone: the archive is loaded once, then {@link SearchIndexWriter#write} runs RUNS times
 * into temporary folders; prints each run's CPU time (of the thread that writes) and bytes allocated.
 * Run by bench/search-index-benchmark.sh; not a test.
 *
 * <p>Arguments: SOURCE_DIR [RUNS]
 */
public final class SearchIndexBenchmark {

    public static void main(String[] args) throws Exception {
        SiteBuilder.Loaded loaded = SiteBuilder.load(Path.of(args[0]), false);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<SearchIndexWriter.Page> pages = loaded.archive().weeks().stream().map(week -> new SearchIndexWriter.Page(week.uri(),
                week.report().title(), week.report().date(), week.report().displayWeek(), week.report().tags(), week.report().sections())).toList();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Long> cpuMs = new ArrayList<>();
        List<Long> allocatedMb = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path out = Files.createTempDirectory("search-index");
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long cpu = threads.getCurrentThreadCpuTime();
            SearchIndexWriter.write(pages, out);
            cpuMs.add((threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
            allocatedMb.add((threads.getCurrentThreadAllocatedBytes() - allocated) >> 20);
            try (Stream<Path> files = Files.walk(out)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        System.out.printf("%s: %d weeks; CPU ms per run %s (least %d); MB allocated per run %s%n",
                args[0], pages.size(), cpuMs, Collections.min(cpuMs), allocatedMb);
    }
}
