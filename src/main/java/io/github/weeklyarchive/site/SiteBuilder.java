package io.github.weeklyarchive.site;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.metrics.MetricsConfig;
import io.github.weeklyarchive.pipeline.GitDates;
import io.github.weeklyarchive.pipeline.Lazy;
import io.github.weeklyarchive.search.SearchIndexWriter;
import io.github.weeklyarchive.report.ParsedReport;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

/**
 * Builds the site: reads every report under {@code content/}, puts them in order, hands them to
 * JBake as finished documents, and swaps the baked site into place only if nothing went wrong.
 *
 * <p>A failed build leaves the previous output untouched: the site is baked into a sibling folder
 * and renamed over the old one at the end. Every problem is collected and returned, so the author
 * sees all of them at once rather than one per build.
 */
public final class SiteBuilder {

    private SiteBuilder() {
    }

    /** Reads and checks every report without writing anything: what {@code check} runs, and the first half of a build. */
    public static Loaded load(Path source, boolean drafts) {
        return load(source, drafts, ReportCache.none());
    }

    /** As {@link #load(Path, boolean)}, taking unchanged files' reports from {@code cache}. */
    public static Loaded load(Path source, boolean drafts, ReportCache cache) {
        SourceFolder folder = SourceFolder.of(source);
        List<Problem> problems = new ArrayList<>(folder.problems());
        Path content = folder.content();
        if (!Files.isDirectory(content)) {
            problems.add(Problem.error(folder.shown(content), 0, "no " + folder.shown(content) + "/ folder in " + folder.root()
                    + "; create it and put one Markdown file per week in it"));
            return empty(folder, problems);
        }
        List<Path> markdown = new ArrayList<>();
        List<Path> otherFiles = new ArrayList<>();
        for (Path file : folder.files(content, problems)) {
            (isMarkdown(file) ? markdown : otherFiles).add(file);
        }
        if (markdown.isEmpty()) {
            problems.add(Problem.warning(folder.shown(content), 0, "no reports found: looked for .md and .markdown files in "
                    + content + " and the folders under it; put one Markdown file per week there"));
        }
        BuildTimer timer = new BuildTimer();
        // Read from git only if some report has no date of its own, and then once for all of them.
        Lazy<GitDates> history = new Lazy<>(() -> GitDates.of(content));
        List<ParsedReport> parsed = markdown.parallelStream()
                .map(file -> cache.get(file, () -> parseFile(folder, file,
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
        MetricsConfig.Loaded config = loadMetricsConfig(folder, problems);
        problems.addAll(config.problems());
        Figures figures = Figures.of(assembled.archive(), config.config());
        problems.addAll(figures.problems());
        timer.lap("figures");
        problems.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line));
        List<Path> attachments = Attachments.published(otherFiles.stream().map(content::relativize).toList(),
                reports, drafts, folder.shown(content));
        return new Loaded(folder, assembled.archive(), figures, config.config(), problems, attachments);
    }

    private static MetricsConfig.Loaded loadMetricsConfig(SourceFolder folder, List<Problem> problems) {
        Optional<Path> file = folder.settingsFile("metrics.yaml", problems);
        if (file.isEmpty()) {
            return new MetricsConfig.Loaded(MetricsConfig.defaults(), List.of());
        }
        try {
            return MetricsConfig.parse("metrics.yaml", Files.readString(file.get(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new MetricsConfig.Loaded(MetricsConfig.defaults(), List.of(Problem.error("metrics.yaml", 0,
                    "cannot read the file as UTF-8 text: " + e.getMessage())));
        }
    }

    private static Loaded empty(SourceFolder folder, List<Problem> problems) {
        Archive none = new Archive(List.of());
        return new Loaded(folder, none, Figures.of(none, MetricsConfig.defaults()), MetricsConfig.defaults(), problems, List.of());
    }

    /**
     * The reports of a site, checked.
     *
     * @param folder      the source folder, as the build may read it
     * @param attachments files under {@code content/} that are not reports (images, PDFs), relative to it;
     *                    they are published at the same place, so a report's relative links to them work
     *                    (all but those that only drafts left out of the site refer to)
     */
    public record Loaded(SourceFolder folder, Archive archive, Figures figures, MetricsConfig metricsConfig, List<Problem> problems, List<Path> attachments) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
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
        Loaded loaded = load(folder.root(), options.drafts(), options.reports());
        if (loaded.hasErrors()) {
            return new BuildResult(loaded.problems(), 0, false);
        }
        List<Problem> problems = new ArrayList<>(loaded.problems());
        try (OutputFolder.Workspace workspace = output.startBuild()) {
            BuildTimer timer = new BuildTimer();
            stageTheme(workspace.theme(), loaded, options, problems);
            timer.lap("stage");
            List<Problem> bakeProblems = bake(folder.root(), workspace.theme(), workspace.site(), loaded);
            timer.lap("bake");
            problems.addAll(bakeProblems);
            if (!bakeProblems.isEmpty()) {
                return new BuildResult(problems, 0, false);
            }
            Optional<Problem> refused = output.publish(workspace);
            timer.lap("swap");
            if (refused.isPresent()) {
                problems.add(refused.get());
                return new BuildResult(problems, 0, false);
            }
            return new BuildResult(problems, loaded.archive().weeks().size(), true);
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error(options.output().toString(), 0, "could not write the site: " + e.getMessage()));
            return new BuildResult(problems, 0, false);
        }
    }

    /** Lays out the theme JBake renders with: built-in templates and assets, the site's overrides, the merged properties. */
    private static void stageTheme(Path staging, Loaded loaded, BuildOptions options, List<Problem> problems) throws IOException {
        SourceFolder folder = loaded.folder();
        BuiltInTheme.copyTo(staging);
        copyInto(folder, folder.templates(), staging.resolve("templates"), problems);
        copyInto(folder, folder.assets(), staging.resolve("assets"), problems);
        for (Path attachment : loaded.attachments()) {
            Path target = staging.resolve("assets").resolve(attachment.toString());
            Files.createDirectories(target.getParent());
            Files.copy(folder.content().resolve(attachment), target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(staging.resolve("content")); // JBake's configuration expects one; the weeks come from memory

        SiteProperties properties = new SiteProperties();
        properties.load(staging.resolve("jbake.properties"));
        Optional<Path> own = folder.settingsFile("jbake.properties", new ArrayList<>()); // a bad link here was reported by load
        if (own.isPresent()) {
            properties.load(own.get());
        }
        // Our staged theme uses JBake's default folder names, whatever the site calls its own.
        properties.set("content.folder", "content");
        properties.set("template.folder", "templates");
        properties.set("asset.folder", "assets");
        properties.setBaseUrl(options.baseUrl().orElseGet(() -> properties.get("site.host", "/")));
        properties.set("site.livereload", String.valueOf(options.liveReload()));
        // Reproducible output: dates are formatted in UTC, and the one build time a page shows is never the clock.
        properties.set("freemarker.timezone", "UTC");
        properties.set("site.built", BuildTime.of(loaded.archive(), System.getenv("SOURCE_DATE_EPOCH"), problems).toString());
        properties.write(staging.resolve("jbake.properties"));
    }

    private static void copyInto(SourceFolder folder, Path from, Path to, List<Problem> problems) throws IOException {
        for (Path file : folder.files(from, problems)) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Problem> bake(Path source, Path staging, Path destination, Loaded loaded) throws IOException {
        Files.createDirectories(destination);
        DefaultJBakeConfiguration config = new JBakeConfigurationFactory().setEncoding("UTF-8")
                .createDefaultJbakeConfiguration(staging.toFile(), destination.toFile(), true);
        FigurePages figurePages = new FigurePages(loaded.figures());
        List<org.jbake.model.DocumentModel> pages = new ArrayList<>(figurePages.documents());
        pages.add(FigurePages.page("search", "search/index.html", "搜索"));
        if (config.getRenderIndex()) {
            pages.add(figurePages.home(config.getIndexFileName()));
        }
        // Any render error fails the build (JBake itself would log it and carry on with the broken page written).
        BuildTimer timer = new BuildTimer();
        List<Problem> problems = JBakeRenderer.render(config, WeekDocument.all(loaded.archive().weeks(), figurePages), pages).stream()
                .map(error -> TemplateErrors.toProblem(source, error))
                .distinct() // one mistake in post.ftl fails every week's page: say it once
                .toList();
        timer.lap("render");
        if (!problems.isEmpty()) {
            return problems; // the build has failed: nothing more is worth drawing
        }
        figurePages.writeCharts(destination);
        timer.lap("charts");
        DataFiles.write(loaded.figures(), loaded.metricsConfig(), destination);
        timer.lap("data");
        SearchIndexWriter.write(searchPages(loaded.archive()), destination.resolve("search"));
        timer.lap("search");
        return problems;
    }

    private static List<SearchIndexWriter.Page> searchPages(Archive archive) {
        return archive.weeks().stream().map(week -> new SearchIndexWriter.Page(week.uri(), week.report().title(),
                week.report().date(), week.report().displayWeek(), week.report().tags(), week.report().sections())).toList();
    }

    private static ParsedReport parseFile(SourceFolder folder, Path file, java.util.function.Supplier<Optional<java.time.LocalDate>> committed) {
        String relative = folder.shown(file);
        try {
            return ReportParser.parse(relative, Files.readAllBytes(file), committed);
        } catch (IOException e) {
            return new ParsedReport(Optional.empty(), List.of(Problem.error(relative, 0, "cannot read the file: " + e.getMessage())));
        }
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }
}
