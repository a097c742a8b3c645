package io.github.weeklyarchive.cli;

import io.github.weeklyarchive.metrics.AccuracyReport;
import io.github.weeklyarchive.site.SiteBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check}: every problem a build would report, without writing anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check every report for mistakes before publishing; writes nothing.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = ".", paramLabel = "DIR", description = "The site folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--drafts", description = "Check drafts as if they were published.")
    boolean drafts;

    @Option(names = "--metrics", description = "Also list every metric series with its values and the source line each was read from.")
    boolean metrics;

    @Override
    public Integer call() {
        SiteBuilder.Loaded loaded = SiteBuilder.load(source, drafts);
        Reporter.print(loaded.problems(), spec.commandLine().getErr());
        if (metrics) {
            AccuracyReport.write(loaded.figures(), spec.commandLine().getOut());
        }
        spec.commandLine().getOut().printf("checked %s: %s%n", Reporter.weeks(loaded.archive().weeks().size()), Reporter.count(loaded.problems()));
        return loaded.hasErrors() ? 1 : 0;
    }
}
