package io.github.weeklyarchive.cli;

import io.github.weeklyarchive.metrics.AccuracyReport;
import io.github.weeklyarchive.pipeline.SiteBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check}: every problem a build would report, and every broken link, without writing anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check every report, template and link for mistakes before publishing; writes nothing.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = ".", paramLabel = "DIR", description = "The site folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--drafts", description = "Check drafts as if they were published.")
    boolean drafts;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (path:line: error: message, default) or github (annotations a pull request shows on the line).")
    String format;

    @Option(names = "--metrics", description = "Also list every metric series with its values and the source line each was read from.")
    boolean metrics;

    @Override
    public Integer call() {
        Reporter.Format how;
        try {
            how = Reporter.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format is text or github, not '" + format + "'");
        }
        SiteBuilder.CheckResult checked = SiteBuilder.check(source, drafts);
        Reporter.print(checked.problems(), spec.commandLine().getErr(), how);
        if (metrics) {
            AccuracyReport.write(checked.loaded().figures(), spec.commandLine().getOut());
        }
        spec.commandLine().getOut().printf("checked %s: %s%n", Reporter.weeks(checked.loaded().archive().weeks().size()),
                Reporter.count(checked.problems()));
        return checked.hasErrors() ? 1 : 0;
    }
}
