package io.github.weeklyarchive.site;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.metrics.MetricsConfig;
import io.github.weeklyarchive.search.SearchIndexWriter;
import io.github.weeklyarchive.report.ParsedReport;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
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
        Path content = source.resolve("content");
        if (!Files.isDirectory(content)) {
            return empty(Problem.error("content", 0,
                    "no content/ folder in " + source.toAbsolutePath() + "; create it and put one Markdown file per week in it"));
        }
        List<Path> markdown = new ArrayList<>();
        List<Path> otherFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(content)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> !isHidden(content.relativize(file)))
                    .sorted()
                    .forEach(file -> (isMarkdown(file) ? markdown : otherFiles).add(file));
        } catch (IOException e) {
            return empty(Problem.error("content", 0, "cannot list the folder: " + e.getMessage()));
        }
        BuildTimer timer = new BuildTimer();
        List<ParsedReport> parsed = markdown.parallelStream()
                .map(file -> cache.get(file, () -> parseFile(source, file)))
                .toList();
        cache.retainOnly(markdown);
        List<Problem> problems = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        for (ParsedReport p : parsed) {
            problems.addAll(p.problems());
            p.report().ifPresent(reports::add);
        }
        timer.lap("parse");
        Archive.Assembled assembled = Archive.assemble(reports, drafts);
        problems.addAll(assembled.problems());
        MetricsConfig.Loaded config = loadMetricsConfig(source);
        problems.addAll(config.problems());
        Figures figures = Figures.of(assembled.archive(), config.config());
        problems.addAll(figures.problems());
        timer.lap("figures");
        problems.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line));
        List<Path> attachments = otherFiles.stream().map(content::relativize).toList();
        return new Loaded(assembled.archive(), figures, config.config(), problems, attachments);
    }

    private static MetricsConfig.Loaded loadMetricsConfig(Path source) {
        Path file = source.resolve("metrics.yaml");
        if (!Files.isRegularFile(file)) {
            return new MetricsConfig.Loaded(MetricsConfig.defaults(), List.of());
        }
        try {
            return MetricsConfig.parse("metrics.yaml", Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new MetricsConfig.Loaded(MetricsConfig.defaults(), List.of(Problem.error("metrics.yaml", 0,
                    "cannot read the file as UTF-8 text: " + e.getMessage())));
        }
    }

    private static Loaded empty(Problem problem) {
        Archive none = new Archive(List.of());
        return new Loaded(none, Figures.of(none, MetricsConfig.defaults()), MetricsConfig.defaults(), List.of(problem), List.of());
    }

    /**
     * The reports of a site, checked.
     *
     * @param attachments files under {@code content/} that are not reports (images, PDFs), relative to it;
     *                    they are published at the same place, so a report's relative links to them work
     */
    public record Loaded(Archive archive, Figures figures, MetricsConfig metricsConfig, List<Problem> problems, List<Path> attachments) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /** Builds the site described by {@code options}. Never throws for bad input: problems are returned. */
    public static BuildResult build(BuildOptions options) {
        Path source = options.source().toAbsolutePath().normalize();
        Path output = options.output().toAbsolutePath().normalize();
        Optional<Problem> unsafe = checkOutputFolder(source, output);
        if (unsafe.isPresent()) {
            return new BuildResult(List.of(unsafe.get()), 0, false);
        }
        Loaded loaded = load(source, options.drafts(), options.reports());
        if (loaded.hasErrors()) {
            return new BuildResult(loaded.problems(), 0, false);
        }
        List<Problem> problems = new ArrayList<>(loaded.problems());
        Path staging = null;
        Path baked = output.resolveSibling("." + output.getFileName() + ".building-" + UUID.randomUUID());
        try {
            BuildTimer timer = new BuildTimer();
            staging = Files.createTempDirectory("weekly-archive-");
            stageTheme(source, staging, loaded, options);
            timer.lap("stage");
            List<Problem> bakeProblems = bake(source, staging, baked, loaded);
            timer.lap("bake");
            problems.addAll(bakeProblems);
            if (!bakeProblems.isEmpty()) {
                return new BuildResult(problems, 0, false);
            }
            swapInto(baked, output);
            timer.lap("swap");
            return new BuildResult(problems, loaded.archive().weeks().size(), true);
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error(output.toString(), 0, "could not write the site: " + e.getMessage()));
            return new BuildResult(problems, 0, false);
        } finally {
            deleteQuietly(staging);
            deleteQuietly(baked);
        }
    }

    /** Lays out the theme JBake renders with: built-in templates and assets, the site's overrides, the merged properties. */
    private static void stageTheme(Path source, Path staging, Loaded loaded, BuildOptions options) throws IOException {
        BuiltInTheme.copyTo(staging);
        for (String folder : List.of("templates", "assets")) {
            if (Files.isDirectory(source.resolve(folder))) {
                BuiltInTheme.copyTree(source.resolve(folder), staging.resolve(folder));
            }
        }
        for (Path attachment : loaded.attachments()) {
            Path target = staging.resolve("assets").resolve(attachment.toString());
            Files.createDirectories(target.getParent());
            Files.copy(source.resolve("content").resolve(attachment), target);
        }
        Files.createDirectories(staging.resolve("content")); // JBake's configuration expects one; the weeks come from memory

        SiteProperties properties = new SiteProperties();
        properties.load(staging.resolve("jbake.properties"));
        if (Files.isRegularFile(source.resolve("jbake.properties"))) {
            properties.load(source.resolve("jbake.properties"));
        }
        properties.setBaseUrl(options.baseUrl().orElseGet(() -> properties.get("site.host", "/")));
        properties.set("site.livereload", String.valueOf(options.liveReload()));
        properties.write(staging.resolve("jbake.properties"));
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

    /** Refuses an output folder whose replacement would destroy the sources or something that is not a site. */
    private static Optional<Problem> checkOutputFolder(Path source, Path output) {
        if (source.startsWith(output)) {
            return Optional.of(Problem.error(output.toString(), 0,
                    "the output folder contains the source folder and would be replaced; choose another --output, such as output/"));
        }
        if (output.startsWith(source.resolve("content"))) {
            return Optional.of(Problem.error(output.toString(), 0,
                    "the output folder is inside content/, so the site would be read back as reports; choose another --output"));
        }
        if (Files.isDirectory(output) && !Files.exists(output.resolve("index.html"))) {
            try (Stream<Path> entries = Files.list(output)) {
                if (entries.findAny().isPresent()) {
                    return Optional.of(Problem.error(output.toString(), 0,
                            "the output folder is not empty and holds no site (no index.html), so it will not be replaced; "
                                    + "empty it or choose another --output"));
                }
            } catch (IOException e) {
                return Optional.of(Problem.error(output.toString(), 0, "cannot read the output folder: " + e.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** Replaces {@code output} with {@code baked}: two renames, so readers never see a half-written site. */
    private static void swapInto(Path baked, Path output) throws IOException {
        Files.createDirectories(output.getParent());
        Path old = output.resolveSibling("." + output.getFileName() + ".old-" + UUID.randomUUID());
        if (Files.exists(output)) {
            Files.move(output, old);
        }
        Files.move(baked, output);
        deleteQuietly(old);
    }

    private static ParsedReport parseFile(Path source, Path file) {
        String relative = source.relativize(file).toString().replace('\\', '/');
        try {
            return ReportParser.parse(relative, Files.readAllBytes(file));
        } catch (IOException e) {
            return new ParsedReport(Optional.empty(), List.of(Problem.error(relative, 0, "cannot read the file: " + e.getMessage())));
        }
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the build result does not depend on it.
        }
    }
}
