package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.chart.ChartFiles;
import io.github.weeklyarchive.chart.ChartLabels;
import io.github.weeklyarchive.commitments.CommitmentFiles;
import io.github.weeklyarchive.metrics.DataFiles;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.site.PageReuse;
import io.github.weeklyarchive.site.SiteRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The site of a {@code serve} session, made when a browser asks for it rather than built whole on every edit.
 *
 * <p>An edit loads the source again ({@link SiteBuilder#load}: with the session's {@link ReportCache}, only the changed
 * file is parsed and read for numbers and commitments) and keeps the result as the current <em>generation</em>, when it
 * has no error; a failed load leaves the last good one served. Every file of the site is then made from the current
 * generation on request, and kept until the next edit: a page when it is asked for (taken from the last rendering of
 * that page when what its template read is the same, {@link PageReuse}), a chart when it is asked for (taken from the
 * last drawing of that chart when it is drawn from the same data), the data files and the search index together, the
 * first time a reader downloads or searches after an edit. What a browser is sent is what {@code build} writes for the
 * same input, byte for byte ({@code LiveSiteTest} compares every file).
 *
 * <p>Template errors: a page fails when it is rendered. So an edit renders at once the pages it certainly changed (the
 * weeks whose reports changed: the page their author is most likely looking at), and an edit of what every page depends on (a template,
 * {@code jbake.properties}, the interface text, which sections exist) renders every page, as a build would: either way a
 * template error fails the edit, and the last good generation stays served. A page that fails later, asked for on its
 * own, is answered with its error ({@link Unrenderable}).
 */
public final class LiveSite {

    /** A page of the current generation whose template failed: its problems, one a line. */
    public static final class Unrenderable extends IOException {
        public Unrenderable(List<Problem> problems) {
            super(String.join("\n", problems.stream().map(Problem::toString).toList()));
        }
    }

    /** A page as it was last rendered: its text, and what its template read then, as a fingerprint ({@link PageReuse}). */
    private record Made(byte[] bytes, String reads, String fingerprint) {
    }

    /** A chart's files as they were last drawn, and the fingerprint of what they were drawn from. */
    private record Drawn(String fingerprint, Map<String, byte[]> files) {
    }

    private final BuildOptions options;
    private final Path work;
    /** The last rendering of each page, whichever generation made it. */
    private final Map<String, Made> made = new ConcurrentHashMap<>();
    /** The last drawing of each chart, by its name. */
    private final Map<String, Drawn> drawn = new ConcurrentHashMap<>();
    private volatile Generation current;
    private int generations;

    /**
     * @param options what to build (source, drafts, base URL, the session's report cache); the output and the build cache are not used
     * @param work    a folder of the session's own, where the files made on request are written (the search index, the data files)
     */
    public LiveSite(BuildOptions options, Path work) {
        this.options = options;
        this.work = work;
    }

    /** Whether some edit (the first build included) succeeded, so there is a site to serve. */
    public boolean ready() {
        return current != null;
    }

    /**
     * Loads the source again and, if it has no error, makes it the site served; otherwise the last good one stays.
     * Never throws for bad input: the problems are returned as a build's are.
     */
    public synchronized BuildResult update() {
        BuildTimer timer = new BuildTimer();
        SiteBuilder.Loaded loaded = SiteBuilder.load(options.source(), options.drafts(), options.reports());
        timer.lap("load");
        if (loaded.hasErrors()) {
            return new BuildResult(loaded.problems(), 0, false);
        }
        List<Problem> problems = new ArrayList<>(loaded.problems());
        io.github.weeklyarchive.site.Messages messages = SiteBuilder.messages(loaded);
        SiteRenderer.Prepared prepared;
        try {
            prepared = SiteRenderer.prepare(SiteBuilder.rendererInput(loaded, messages, options.baseUrl(), options.liveReload(), problems),
                    Optional.ofNullable(current).map(served -> served.prepared));
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error("jbake.properties", 0, "cannot read the file: " + e.getMessage()));
            return new BuildResult(problems, 0, false);
        }
        timer.lap("prepare");
        Generation before = current;
        Generation next = new Generation(++generations, loaded, prepared, SiteBuilder.chartLabels(messages), before);
        List<Problem> renderProblems = next.renderAtOnce(before);
        timer.lap("render");
        if (!renderProblems.isEmpty()) {
            problems.addAll(renderProblems);
            return new BuildResult(problems, 0, false);
        }
        current = next;
        made.keySet().retainAll(prepared.paths());
        if (before != null && before.previous != null) {
            before.previous.deleteBefore(before); // requests of the one before have had an edit's time to finish
            before.previous = null;
        }
        return new BuildResult(problems, loaded.archive().weeks().size(), true);
    }

    /** Whether {@code path} (site-relative, forward slashes) is a folder of the current site. */
    public boolean isFolder(String path) {
        Generation served = current;
        return served != null && served.folders().contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    /**
     * The bytes of the file at {@code path} (site-relative, forward slashes) in the current site, made now if they were
     * not yet; empty when the site has no such file.
     *
     * @throws Unrenderable when the file is a page whose template fails
     */
    public Optional<byte[]> read(String path) throws IOException {
        Generation served = current;
        return served == null ? Optional.empty() : served.read(path);
    }

    /**
     * The path of every file of the current site, making the data files and the search index if they were not yet:
     * what a browser could be sent. Empty before a first successful update.
     */
    public Set<String> paths() throws IOException {
        Generation served = current;
        return served == null ? Set.of() : served.paths();
    }

    /** Removes every file this session wrote. */
    public void close() {
        Generation served = current;
        if (served != null) {
            if (served.previous != null) {
                served.previous.deleteBefore(served);
            }
            served.deleteBefore(null);
        }
    }

    /** One successful load, and the files made from it so far. */
    private final class Generation {
        private final int number;
        private final SiteBuilder.Loaded loaded;
        private final SiteRenderer.Prepared prepared;
        private final ChartLabels labels;
        private volatile Generation previous;
        private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
        private final Set<String> attachments = new HashSet<>();
        private final Lazy<Map<String, ChartFiles.Drawing>> charts;
        private final Lazy<Path> downloads;
        private final Lazy<Path> assets;
        /** The site's own assets when this generation was loaded ({@link #assetsKey}): read once, so a later edit is seen. */
        private final String assetsKey;
        private final Lazy<Set<String>> folders;

        Generation(int number, SiteBuilder.Loaded loaded, SiteRenderer.Prepared prepared, ChartLabels labels, Generation previous) {
            this.number = number;
            this.loaded = loaded;
            this.prepared = prepared;
            this.labels = labels;
            this.previous = previous;
            loaded.attachments().forEach(a -> attachments.add(a.toString().replace('\\', '/')));
            this.charts = new Lazy<>(() -> {
                Map<String, ChartFiles.Drawing> byFile = new LinkedHashMap<>();
                ChartFiles.drawings(loaded.figures()).forEach(d -> d.files().forEach(file -> byFile.put(file, d)));
                return byFile;
            });
            this.downloads = new Lazy<>(this::writeDownloads);
            // The assets change only when the site's own do: an edit of a report takes the last generation's.
            this.assetsKey = assetsKey();
            this.assets = previous != null && previous.assetsKey.equals(assetsKey) ? previous.assets : new Lazy<>(this::writeAssets);
            this.folders = new Lazy<>(this::listFolders);
        }

        /**
         * Renders the pages an edit certainly changed, or every page when what all of them depend on changed (or on the
         * first load): their template errors, if any.
         */
        List<Problem> renderAtOnce(Generation before) {
            Optional<String> siteWide = prepared.siteWide();
            if (before == null || siteWide.isEmpty() || !siteWide.equals(before.prepared.siteWide())) {
                return prepared.renderAll((path, text) -> pages.put(path, text.getBytes(StandardCharsets.UTF_8)), reuse());
            }
            Set<Report> known = Collections.newSetFromMap(new IdentityHashMap<>());
            before.loaded.archive().weeks().forEach(w -> known.add(w.report()));
            List<Problem> problems = new ArrayList<>();
            for (var week : loaded.archive().weeks()) {
                if (!known.contains(week.report())) { // a report edited or added: the page its author is looking at
                    render(week.uri()).ifPresent(problems::add);
                }
            }
            return problems;
        }

        Optional<byte[]> read(String path) throws IOException {
            // Where two would have the same path, the one a build writes last wins, as in its folder.
            if (DataFiles.FILES.contains(path) || CommitmentFiles.FILES.contains(path)
                    || path.startsWith("search/") && !prepared.paths().contains(path)) {
                Path file = downloads.get().resolve(path);
                if (Files.isRegularFile(file)) {
                    return Optional.of(Files.readAllBytes(file));
                }
            }
            ChartFiles.Drawing drawing = charts.get().get(path);
            if (drawing != null) {
                return Optional.ofNullable(chart(drawing).files().get(path));
            }
            if (attachments.contains(path)) {
                return Optional.of(Files.readAllBytes(loaded.folder().content().resolve(path)));
            }
            Path asset = assets.get().resolve(path).normalize();
            if (asset.startsWith(assets.get()) && Files.isRegularFile(asset)) {
                return Optional.of(Files.readAllBytes(asset));
            }
            if (prepared.paths().contains(path)) {
                return Optional.of(page(path));
            }
            return Optional.empty();
        }

        /** The page at {@code path}: rendered now, unless it was in this generation or its last rendering read the same inputs. */
        private byte[] page(String path) throws Unrenderable {
            Optional<Problem> failed = render(path);
            if (failed.isPresent()) {
                throw new Unrenderable(List.of(failed.get()));
            }
            return pages.get(path);
        }

        /** Puts the page at {@code path} in {@link #pages}, if it is not there yet; its template error, if it has one. */
        private Optional<Problem> render(String path) {
            if (pages.containsKey(path)) {
                return Optional.empty();
            }
            return prepared.render(path, (p, text) -> pages.put(p, text.getBytes(StandardCharsets.UTF_8)), reuse());
        }

        /** Takes a page from its last rendering when that read what it would read now. */
        private PageReuse reuse() {
            return new PageReuse() {
                @Override
                public boolean reuse(String path, Inputs inputs) {
                    Made last = made.get(path);
                    if (last != null && inputs.fingerprint(last.reads()).map(last.fingerprint()::equals).orElse(false)) {
                        pages.put(path, last.bytes());
                        return true;
                    }
                    return false;
                }

                @Override
                public void rendered(String path, String reads, String fingerprint) {
                    made.put(path, new Made(pages.get(path), reads, fingerprint));
                }
            };
        }

        /** The files of one chart: drawn now, unless its last drawing was made from the same data and labels. */
        private Drawn chart(ChartFiles.Drawing drawing) throws IOException {
            Optional<String> fingerprint = CachedCharts.fingerprint(drawing, labels);
            Drawn last = drawn.get(drawing.name());
            if (last != null && fingerprint.isPresent() && last.fingerprint().equals(fingerprint.get())) {
                return last;
            }
            Path folder = Files.createTempDirectory(work, "chart-");
            try {
                ChartFiles.write(loaded.figures(), labels, folder, drawing.name()::equals);
                Map<String, byte[]> files = new LinkedHashMap<>();
                for (String file : drawing.files()) {
                    files.put(file, Files.readAllBytes(folder.resolve(file)));
                }
                Drawn fresh = new Drawn(fingerprint.orElse(""), files);
                if (fingerprint.isPresent()) {
                    drawn.put(drawing.name(), fresh);
                }
                return fresh;
            } finally {
                deleteTree(folder);
            }
        }

        /** The data files and the search index of this generation, written when a reader first asks for one of them. */
        private Path writeDownloads() {
            try {
                Path folder = Files.createDirectories(work.resolve("downloads-" + number));
                SiteBuilder.writeDownloads(loaded, folder);
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Path writeAssets() {
            try {
                Path folder = Files.createDirectories(work.resolve("assets-" + number));
                loaded.theme().copyAssets(folder);
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The site's own assets by name and content (a site's stylesheets and scripts are small): the built-in ones are
         * the tool's and do not change while it runs.
         */
        private String assetsKey() {
            StringBuilder key = new StringBuilder();
            new java.util.TreeMap<>(loaded.theme().assets()).forEach((name, file) -> {
                key.append(name).append('\u0000');
                try {
                    key.append(io.github.weeklyarchive.site.ContentHash.ofBytes(Files.readAllBytes(file)));
                } catch (IOException e) {
                    key.append("unreadable");
                }
                key.append('\n');
            });
            return key.toString();
        }

        /** Every file's path but the search index's (known once it is written). */
        Set<String> knownPaths() {
            Set<String> files = new java.util.TreeSet<>(prepared.paths());
            files.addAll(loaded.theme().assetNames());
            files.addAll(attachments);
            files.addAll(charts.get().keySet());
            files.addAll(DataFiles.FILES);
            if (loaded.commitments().enabled()) {
                files.addAll(CommitmentFiles.FILES);
            }
            return files;
        }

        /** Every file's path, the search index written if it was not yet. */
        Set<String> paths() throws IOException {
            Set<String> files = knownPaths();
            Path folder = downloads.get();
            try (Stream<Path> written = Files.walk(folder)) {
                written.filter(Files::isRegularFile).forEach(file -> files.add(folder.relativize(file).toString().replace('\\', '/')));
            }
            return files;
        }

        private Set<String> listFolders() {
            Set<String> folders = new HashSet<>();
            for (String file : knownPaths()) {
                for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                    folders.add(file.substring(0, slash));
                }
            }
            folders.add("");
            return folders;
        }

        Set<String> folders() {
            return folders.get();
        }

        /**
         * Deletes what this generation wrote that {@code later}, the one after it, does not use: its search index and data
         * files, and its assets unless they are {@code later}'s too (none is later: everything).
         */
        void deleteBefore(Generation later) {
            if (downloads.isEvaluated()) {
                deleteTree(downloads.get());
            }
            if ((later == null || assets != later.assets) && assets.isEvaluated()) {
                deleteTree(assets.get());
            }
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // removed with the session's folder at the end
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // removed with the session's folder at the end
        }
    }
}
