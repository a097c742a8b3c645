package io.github.weeklyarchive.cli;

import io.github.weeklyarchive.archive.Week;
import io.github.weeklyarchive.draft.NextWeek;
import io.github.weeklyarchive.pipeline.SiteBuilder;
import io.github.weeklyarchive.report.IsoWeek;
import io.github.weeklyarchive.report.ParsedReport;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import io.github.weeklyarchive.report.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code new}: starts next week's report from the latest one. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Start next week's report from the latest one: same outline and metric lines with the values left empty, "
                + "the incidents reset to 本周无, last week's goals as a checklist, the date a week on and the label continued "
                + "(第09周 -> 第10周). Never overwrites a file; prints the path of the new one."})
final class NewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = ".", paramLabel = "DIR", description = "The site folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The report's date (default: the latest report's weekday, a week later; today if there is none).")
    String date;

    @Option(names = "--from", paramLabel = "FILE", description = "Take the outline from this report instead of the latest one; the date and label still continue from the latest.")
    Path from;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<LocalDate> day;
        try {
            day = Optional.ofNullable(date).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            err.println("--date: error: '" + date + "' is not a date; write it as 2023-02-24");
            return 2;
        }
        SiteBuilder.Loaded site = SiteBuilder.load(source, true);
        Path content = site.folder().content();
        List<Week> weeks = site.archive().weeks();
        Optional<Report> latest = weeks.isEmpty() ? Optional.empty() : Optional.of(weeks.get(weeks.size() - 1).report());
        Path file;
        String text;
        if (latest.isEmpty() && from == null) {
            LocalDate when = day.orElse(LocalDate.now());
            file = content.resolve(String.valueOf(when.getYear())).resolve(when + ".md");
            text = NextWeek.firstReport(when, String.format("第%02d周", IsoWeek.of(when).week()));
        } else {
            Path latestFile = latest.map(r -> site.folder().root().resolve(r.source())).orElse(null);
            Path templateFile = from != null ? from.toAbsolutePath().normalize() : latestFile;
            String shown = from != null ? from.toString() : latest.get().source();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(templateFile);
            } catch (IOException e) {
                err.println(shown + ":1: error: cannot read the file: " + e.getMessage());
                return 1;
            }
            SourceText source = SourceText.decode(shown, bytes);
            ParsedReport parsed = ReportParser.parse(shown, source, Optional::empty);
            if (parsed.report().isEmpty()) {
                Reporter.print(parsed.problems(), err);
                err.println(shown + " cannot be read as a report; fix it, or start from another one with --from");
                return 1;
            }
            Report template = parsed.report().get();
            String templateText = source.text().orElseThrow();
            NextWeek.Draft draft = NextWeek.after(template, templateText, templateFile.getFileName().toString(), latest.orElse(template), day,
                    site.metricsConfig());
            file = besides(latestFile != null ? latestFile : content.resolve("x"), latest.map(Report::date).orElse(template.date()), draft);
            text = draft.text();
        }
        LocalDate dated = datedOn(text, file, site);
        Optional<Week> taken = weeks.stream().filter(w -> w.report().date().equals(dated)).findFirst();
        if (taken.isPresent()) {
            err.println(taken.get().report().source() + ":1: error: the report for " + dated + " is already written; edit it, "
                    + "or choose another date with --date");
            return 1;
        }
        Files.createDirectories(file.getParent());
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            err.println(site.folder().shown(file) + ":1: error: this file already exists and was left as it is; edit it, "
                    + "or choose another date with --date");
            return 1;
        }
        spec.commandLine().getOut().println(file);
        return 0;
    }

    /** The date the new report will be read as having: the one its title or file name says. */
    private static LocalDate datedOn(String text, Path file, SiteBuilder.Loaded site) {
        return ReportParser.parse(site.folder().shown(file), text).report().map(Report::date).orElse(LocalDate.MIN);
    }

    /** Where the new report goes: beside the latest, in the next year's folder when the latest sits in one named by its year. */
    private static Path besides(Path latestFile, LocalDate latestDate, NextWeek.Draft draft) {
        Path folder = latestFile.getParent();
        if (folder.getFileName() != null && folder.getFileName().toString().equals(String.valueOf(latestDate.getYear()))) {
            folder = folder.resolveSibling(String.valueOf(draft.date().getYear()));
        }
        return folder.resolve(draft.fileName());
    }
}
