package io.github.weeklyarchive.cli;

import io.github.weeklyarchive.report.IsoWeek;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code new}: starts this week's report from the usual outline. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create content/YEAR/DATE.md with the usual outline of a weekly report.")
final class NewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = ".", paramLabel = "DIR", description = "The site folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The report's date (default: today).")
    String date;

    @Override
    public Integer call() throws IOException {
        LocalDate day;
        try {
            day = date == null ? LocalDate.now() : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            spec.commandLine().getErr().println("--date: error: '" + date + "' is not a date; write it as 2023-02-24");
            return 2;
        }
        Path file = source.resolve("content").resolve(String.valueOf(day.getYear())).resolve(day + ".md");
        if (Files.exists(file)) {
            spec.commandLine().getErr().println(file + ":1: error: a report for " + day + " already exists; edit it instead");
            return 1;
        }
        Files.createDirectories(file.getParent());
        String week = String.format("第%02d周", IsoWeek.of(day).week());
        Files.writeString(file, """
                # %s %s

                # 上周进展

                ## 【系统运行数据】

                - 成功率：
                - 可用性：

                ## 【项目进展】

                - 

                ## 【生产稳定性事件】

                - 本周无

                # 本周收获与反思

                1. 

                # 下周工作及目标

                1. 
                """.formatted(week, day), StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("created " + file);
        return 0;
    }
}
