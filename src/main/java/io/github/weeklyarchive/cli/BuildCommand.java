package io.github.weeklyarchive.cli;

import io.github.weeklyarchive.pipeline.BuildOptions;
import io.github.weeklyarchive.pipeline.BuildResult;
import io.github.weeklyarchive.pipeline.ReportCache;
import io.github.weeklyarchive.pipeline.SiteBuilder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code build}: the whole site, from {@code content/} to the output folder. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site. The output folder is replaced only if the build succeeds.")
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = ".", paramLabel = "DIR",
            description = "The site folder: content/, and optionally templates/, assets/, jbake.properties (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--output", defaultValue = "output", paramLabel = "DIR",
            description = "Where to write the site (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The address the site is published at, e.g. https://user.github.io/repo/ (default: site.host in jbake.properties, else /).")
    Optional<String> baseUrl;

    @Option(names = "--drafts", description = "Include reports marked draft: true.")
    boolean drafts;

    /**
     * Off unless asked for: a build writes nothing outside its output folder but its own passing work folder, so a
     * folder kept between builds is one the user names (the Pages workflow names .output.cache).
     */
    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep what the build made in DIR, so the next build with the same DIR remakes only what changed "
                    + "(e.g. .output.cache; keep it between builds with actions/cache on GitHub). Without it every build is whole.")
    Optional<Path> cache;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        BuildOptions options = new BuildOptions(source, output, baseUrl, drafts, false, ReportCache.none());
        if (cache.isPresent()) {
            options = options.withCache(cache.get());
        }
        BuildResult result = SiteBuilder.build(options);
        Reporter.print(result.problems(), spec.commandLine().getErr());
        if (result.failed()) {
            spec.commandLine().getErr().printf("build failed (%s); %s was left unchanged%n", Reporter.count(result.problems()), output);
            return 1;
        }
        spec.commandLine().getOut().printf("built %s into %s in %d ms (%s)%n", Reporter.weeks(result.weeks()), output,
                (System.nanoTime() - start) / 1_000_000, Reporter.count(result.problems()));
        return 0;
    }
}
