package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.chart.ChartFiles;
import io.github.weeklyarchive.chart.ChartLabels;
import io.github.weeklyarchive.commitments.CommitmentFiles;
import io.github.weeklyarchive.commitments.CommitmentLog;
import io.github.weeklyarchive.commitments.CommitmentsConfig;
import io.github.weeklyarchive.metrics.DataFiles;
import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.metrics.MetricsConfig;
import io.github.weeklyarchive.report.ParsedReport;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import io.github.weeklyarchive.report.SourceText;
import io.github.weeklyarchive.screening.ScreeningRules;
import io.github.weeklyarchive.screening.Screener;
import io.github.weeklyarchive.search.SearchIndexWriter;
import io.github.weeklyarchive.settings.YamlSettings;
import io.github.weeklyarchive.site.Messages;
import io.github.weeklyarchive.site.PageSink;
import io.github.weeklyarchive.site.SiteRenderer;
import io.github.weeklyarchive.site.Theme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * The pipeline, in the order its stages run: read the source folder ({@link #load}), render the pages
 * with JBake ({@link SiteRenderer}), draw the charts, write the data files and the search index, and
 * publish the result into the output folder ({@link OutputFolder}) — or, for {@code check}, render into
 * memory and follow every link ({@link #check}).
 *
 * <p>A failed build leaves the previous output untouched: the site is built in a work folder beside it
 * and swapped in at the end. Every problem is collected and returned, so the author sees all of them at
 * once rather than one per build. Nothing here throws for bad input.
 */
public final class SiteBuilder {

    private SiteBuilder() {
    }

    /**
     * The reports of a site, read, checked and assembled: everything the later stages draw from.
     *
     * @param folder      the source folder, as the build may read it
     * @param theme       the templates and assets, the site's own over the built-in ones
     * @param attachments files under {@code content/} that are not reports (images, PDFs), relative to it;
     *                    they are published at the same place, so a report's relative links to them work
     *                    (all but those that only drafts left out of the site refer to)
     * @param commitments the dated commitments of the reports, followed to the build's day ({@link BuildTime})
     */
    public record Loaded(SourceFolder folder, Archive archive, Figures figures, MetricsConfig metricsConfig, Theme theme,
                         List<Problem> problems, List<Path> attachments, CommitmentLog commitments) {
        public Loaded {
            problems = List.copyOf(problems);
            attachments = List.copyOf(attachments);
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /** Reads and checks every report without rendering or writing anything. */
    public static Loaded load(Path source, boolean drafts) {
        return load(source, drafts, ReportCache.none());
    }

    /** As {@link #load(Path, boolean)}, taking unchanged files' reports from {@code cache}. */
    public static Loaded load(Path source, boolean drafts, ReportCache cache) {
        SourceFolder folder = SourceFolder.of(source);
        List<Problem> problems = new ArrayList<>(folder.problems());
        Theme theme = new Theme(byName(folder, folder.templates(), problems), byName(folder, folder.assets(), problems));
        Path content = folder.content();
        if (!Files.isDirectory(content)) {
            // When jbake.properties named a folder it cannot use, that error says it all; "no content/ folder" would mislead.
            if (folder.problems().stream().noneMatch(p -> p.isError() && p.path().equals("jbake.properties"))) {
                problems.add(Problem.error(folder.shown(content), 0, "no " + folder.shown(content) + "/ folder in " + folder.root()
                        + "; create it and put one Markdown file per week in it"));
            }
            Archive none = new Archive(List.of());
            return new Loaded(folder, none, Figures.of(none, MetricsConfig.defaults()), MetricsConfig.defaults(), theme, problems, List.of(),
                    CommitmentLog.none());
        }
        List<Path> markdown = new ArrayList<>();
        List<Path> otherFiles = new ArrayList<>();
        for (Path file : folder.files(content, problems)) {
            if (!folder.excluded(file)) {
                (SourceFolder.isMarkdown(file) ? markdown : otherFiles).add(file);
            }
        }
        if (markdown.isEmpty()) {
            problems.add(Problem.warning(folder.shown(content), 0, "no reports found: looked for .md and .markdown files in "
                    + content + " and the folders under it; put one Markdown file per week there"));
        }
        BuildTimer timer = new BuildTimer();
        // Read from git only if some report has no date of its own, and then once for all of them.
        Lazy<GitDates> history = new Lazy<>(() -> GitDates.of(content));
        ScreeningRules.Loaded screening = screeningRules(folder);
        problems.addAll(screening.problems());
        cache.dependOn(screening.rules().toString());
        List<ParsedReport> parsed = markdown.parallelStream()
                .map(file -> cache.get(file, folder.shown(file), bytes -> parseFile(folder, file, bytes, screening.rules(),
                        () -> history.get().addedOn(content.relativize(file).toString().replace('\\', '/')))))
                .toList();
        cache.retainOnly(markdown);
        List<Report> reports = new ArrayList<>();
        for (ParsedReport p : parsed) {
            problems.addAll(p.problems());
            p.report().ifPresent(reports::add);
        }
        timer.lap("parse");
        if (history.isEvaluated() && history.get().shallow()) {
            problems.add(Problem.warning(folder.shown(content), 0, "some reports are dated by the commit that added them, "
                    + "but this git checkout is shallow, so those dates are the clone's; fetch the whole history "
                    + "(git fetch --unshallow, or fetch-depth: 0 in GitHub Actions' checkout)"));
        }
        Archive.Assembled assembled = Archive.assemble(reports, drafts);
        problems.addAll(assembled.problems());
        Optional<String> metricsText = readSettings(folder, "metrics.yaml", problems);
        YamlSettings metricsYaml = metricsText.map(yaml -> YamlSettings.parse("metrics.yaml", yaml)).orElseGet(() -> YamlSettings.none("metrics.yaml"));
        problems.addAll(metricsYaml.problems());
        MetricsConfig.Loaded config = MetricsConfig.of(metricsYaml);
        problems.addAll(config.problems());
        CommitmentsConfig.Loaded commitmentsConfig = CommitmentsConfig.of(metricsYaml);
        // Overdue is judged on the build's own day, not the clock's, so two builds of the same input are the same.
        // (A bad SOURCE_DATE_EPOCH is reported once, where the pages are given the build time.)
        LocalDate today = LocalDate.ofInstant(BuildTime.of(assembled.archive(), System.getenv("SOURCE_DATE_EPOCH"), new ArrayList<>()), ZoneOffset.UTC);
        cache.offerFound(metricsText.orElse(""), commitmentsConfig.config()); // what the build cache kept of each report
        // Figures and commitments are independent functions of the archive: the commitments are followed on a thread
        // of their own while this one extracts the figures, so one large report keeps both cores busy. Problems are
        // added in the order they were when the two ran one after the other.
        CompletableFuture<CommitmentLog> following = CompletableFuture.supplyAsync(
                () -> CommitmentLog.of(assembled.archive(), commitmentsConfig.config(), today, cache.statements()), task -> new Thread(task, "commitments").start());
        cache.extractions().dependOn(metricsText.orElse(""), reports);
        Figures figures = Figures.of(assembled.archive(), config.config(), cache.extractions());
        problems.addAll(figures.problems());
        timer.lap("figures");
        problems.addAll(commitmentsConfig.problems());
        CommitmentLog commitments = await(following);
        problems.addAll(commitments.problems());
        timer.lap("commitments"); // the time commitments took beyond the figures
        problems.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line));
        List<Path> attachments = Attachments.published(otherFiles.stream().map(content::relativize).toList(),
                reports, drafts, folder.shown(content));
        return new Loaded(folder, assembled.archive(), figures, config.config(), theme, problems, attachments, commitments);
    }

    /** Builds the site described by {@code options}. Never throws for bad input: problems are returned. */
    public static BuildResult build(BuildOptions options) {
        SourceFolder folder = SourceFolder.of(options.source());
        OutputFolder.Result opened = OutputFolder.open(folder.root(), options.output(), folder.readFolders());
        if (opened.refusal().isPresent()) {
            return new BuildResult(List.of(opened.refusal().get()), 0, false);
        }
        OutputFolder output = opened.folder().orElseThrow();
        output.cleanLeftovers();
        List<Problem> cacheProblems = new ArrayList<>();
        BuildCache cache = options.cache().map(dir -> BuildCache.open(dir, folder.root(), output.target(), folder.readFolders(), cacheProblems))
                .orElseGet(BuildCache::none);
        cache.lendReports(options.reports());
        Loaded loaded = load(folder.root(), options.drafts(), options.reports());
        if (loaded.hasErrors()) {
            return new BuildResult(loaded.problems(), 0, false);
        }
        List<Problem> problems = new ArrayList<>(loaded.problems());
        problems.addAll(cacheProblems);
        try (OutputFolder.Workspace workspace = output.startBuild()) {
            Path site = Files.createDirectories(workspace.site());
            BuildTimer timer = new BuildTimer();
            Messages messages = messages(loaded);
            List<Problem> renderProblems = SiteRenderer.render(rendererInput(loaded, messages, options.baseUrl(), options.liveReload(), problems),
                    (path, text) -> write(site, path, text), cache.pages(site));
            timer.lap("render");
            if (!renderProblems.isEmpty()) {
                problems.addAll(renderProblems);
                return new BuildResult(problems, 0, false); // the build has failed: nothing more is worth drawing
            }
            loaded.theme().copyAssets(site);
            for (Path attachment : loaded.attachments()) {
                Path target = site.resolve(attachment.toString());
                Files.createDirectories(target.getParent());
                Files.copy(loaded.folder().content().resolve(attachment), target, StandardCopyOption.REPLACE_EXISTING);
            }
            timer.lap("assets");
            // Charts, data files and search index are independent, each in a folder of its own: the charts are drawn
            // on a thread of their own (and the common pool) while this one writes the data files and the index,
            // which are single-threaded, so both cores stay busy. Every file's bytes are the same as one after another.
            CompletableFuture<Void> charts = CompletableFuture.runAsync(() -> CachedCharts.write(loaded.figures(), chartLabels(messages), site, cache),
                    task -> new Thread(task, "charts").start());
            try {
                writeDownloads(loaded, site, timer);
            } finally {
                await(charts); // never leave the work folder while a chart is still being written into it
                timer.lap("charts"); // the time charts took beyond the data files and the index
            }
            int kept = cache.keepUnchanged(site, output.target()); // the index shards and data files that did not change
            timer.lap("keep");
            timer.count("kept", kept);
            Optional<Problem> refused = output.publish(workspace);
            timer.lap("swap");
            if (refused.isPresent()) {
                problems.add(refused.get());
                return new BuildResult(problems, 0, false);
            }
            cache.save(output.target(), options.reports(), problems);
            timer.lap("cache");
            timer.count("reused", cache.reusedCount());
            return new BuildResult(problems, loaded.archive().weeks().size(), true);
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error(options.output().toString(), 0, "could not write the site: " + e.getMessage()));
            return new BuildResult(problems, 0, false);
        }
    }

    /** The data files and the search index of {@code loaded}, into {@code site}: what a build writes, and serve on request. */
    static void writeDownloads(Loaded loaded, Path site) throws IOException {
        writeDownloads(loaded, site, new BuildTimer());
    }

    private static void writeDownloads(Loaded loaded, Path site, BuildTimer timer) throws IOException {
        DataFiles.write(loaded.figures(), loaded.metricsConfig(), site);
        CommitmentFiles.write(loaded.commitments(), site);
        timer.lap("data");
        SearchIndexWriter.write(searchPages(loaded.archive()), site.resolve("search"));
        timer.lap("search");
    }

    /** Waits for {@code task}, and throws what it threw. */
    private static <T> T await(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * What {@code check} runs: every stage of a build but the writing. Every page is rendered into memory
     * and every internal link and anchor followed, as Zola's {@code check} does; nothing is written.
     */
    public static CheckResult check(Path source, boolean drafts) {
        Loaded loaded = load(source, drafts);
        List<Problem> problems = new ArrayList<>(loaded.problems());
        // The reports that could be read are rendered and their links followed even when others could not:
        // an author fixes everything in one round, not a date first and the links on the next run.
        LinkChecker links = new LinkChecker();
        List<Problem> renderProblems = SiteRenderer.render(rendererInput(loaded, messages(loaded), Optional.of("/"), false, problems), links);
        problems.addAll(renderProblems);
        if (renderProblems.isEmpty()) {
            List<String> files = new ArrayList<>(loaded.theme().assetNames());
            loaded.attachments().forEach(a -> files.add(a.toString().replace('\\', '/')));
            files.addAll(ChartFiles.paths(loaded.figures()));
            files.addAll(DataFiles.FILES);
            if (loaded.commitments().enabled()) {
                files.addAll(CommitmentFiles.FILES);
            }
            problems.addAll(links.brokenLinks(files, sourcesOf(loaded)));
        }
        problems.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line));
        return new CheckResult(loaded, problems);
    }

    /** What {@code check} found. */
    public record CheckResult(Loaded loaded, List<Problem> problems) {
        public CheckResult {
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /** Each week page's source file and text, so a broken link in a report is reported at its line there. */
    private static Map<String, LinkChecker.Source> sourcesOf(Loaded loaded) {
        Map<String, LinkChecker.Source> sources = new LinkedHashMap<>();
        for (var week : loaded.archive().weeks()) {
            String source = week.report().source();
            sources.put(week.uri(), new LinkChecker.Source(source, () -> readQuietly(loaded.folder().root().resolve(source))));
        }
        return sources;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    static SiteRenderer.Input rendererInput(Loaded loaded, Messages messages, Optional<String> baseUrl, boolean liveReload,
                                                    List<Problem> problems) {
        return new SiteRenderer.Input(loaded.archive(), loaded.figures(), loaded.theme(),
                loaded.folder().settingsFile("jbake.properties", new ArrayList<>()), // a bad link here was reported when the folder was read
                baseUrl, liveReload, BuildTime.of(loaded.archive(), System.getenv("SOURCE_DATE_EPOCH"), problems), messages, loaded.commitments());
    }

    /** The words the charts carry, in the site's language. */
    static ChartLabels chartLabels(Messages messages) {
        return new ChartLabels(messages.get("chartTarget"), messages.get("ungraded"), messages.get("incidentAxis"));
    }

    /** The interface text: in site.lang when the site sets it, else in the language its reports are written in. */
    static Messages messages(Loaded loaded) {
        String language = loaded.folder().setting("site.lang").orElseGet(() -> Messages.languageOf(loaded.archive()));
        return Messages.of(language, loaded.theme());
    }

    private static void write(Path site, String path, String text) throws IOException {
        Path file = site.resolve(path);
        if (!file.normalize().startsWith(site)) {
            throw new IOException("a page would be written outside the site folder: " + path);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The site's own templates or assets, by their name inside that folder. */
    private static Map<String, Path> byName(SourceFolder folder, Path root, List<Problem> problems) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Path file : folder.files(root, problems)) {
            files.put(root.relativize(file).toString().replace('\\', '/'), file);
        }
        return files;
    }

    /** The text of a settings file the site has ({@code metrics.yaml}): read once, for every stage that takes its part. */
    private static Optional<String> readSettings(SourceFolder folder, String name, List<Problem> problems) {
        Optional<Path> file = folder.settingsFile(name, problems);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(Problem.error(name, 0, "cannot read the file as UTF-8 text: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static List<SearchIndexWriter.Page> searchPages(Archive archive) {
        return archive.weeks().stream().map(week -> new SearchIndexWriter.Page(week.uri(), week.report().title(),
                week.report().date(), week.report().displayWeek(), week.report().tags(), week.report().sections())).toList();
    }

    /**
     * A report parsed, and screened for what must not be published ({@link Screener}). Both are functions of
     * the file's bytes (and the rules), so a serve session keeps them together in its {@link ReportCache}.
     */
    private static ParsedReport parseFile(SourceFolder folder, Path file, byte[] bytes, ScreeningRules rules,
                                          Supplier<Optional<LocalDate>> committed) {
        String relative = folder.shown(file);
        SourceText source = SourceText.decode(relative, bytes); // once, for the parser and the screening
        // The screening reads the text, not the parse: it is forked so that another core may take it while this
        // one parses (what keeps both busy on a single large report); otherwise this thread runs it when it joins.
        ForkJoinTask<List<Problem>> screening = ForkJoinTask.adapt(
                () -> source.text().map(text -> Screener.screen(relative, text, rules)).orElse(List.<Problem>of())).fork();
        ParsedReport parsed = ReportParser.parse(relative, source, committed);
        List<Problem> screened = screening.join();
        if (screened.isEmpty()) {
            return parsed;
        }
        List<Problem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(screened);
        return new ParsedReport(parsed.report(), problems);
    }

    /** {@code check.allow} and {@code check.internal-hosts} from the site's jbake.properties. */
    private static ScreeningRules.Loaded screeningRules(SourceFolder folder) {
        return ScreeningRules.parse("jbake.properties", folder.setting("check.allow").orElse(""),
                folder.setting("check.internal-hosts").orElse(ScreeningRules.DEFAULT_INTERNAL_HOSTS), folder.settingLine("check.allow"));
    }

}
