package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.site.PageReuse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a build leaves for the next one, so that adding a week rewrites only what changed: every page and
 * chart it made, each with the fingerprint of what it was made from (the hash of its inputs: for a page,
 * what its template read, {@link PageReuse}; for a chart, its data and labels). The next build takes a file
 * as it is when its fingerprint is the same, and makes it again otherwise.
 *
 * <p>Why it is never wrong: a fingerprint is a SHA-256 of the inputs themselves, not of file times; the whole
 * cache is keyed by the tool ({@link ToolIdentity}: the jar, the Java runtime), so another version's cache is
 * ignored; site-wide inputs (templates, {@code jbake.properties}, the base URL, the build time, the interface
 * text) are in every page's fingerprint. A cached file is taken only if it is still the file that was
 * recorded (size and modification time), inside the cache folder, and not a link.
 *
 * <p>Where it lives: the folder {@code --cache DIR} names (off without it; the Pages workflow keeps
 * {@code .output.cache} beside {@code output/}), never
 * inside it, since the output is the site and is published whole. It holds {@value #MANIFEST} and
 * {@code files/}, hard links to the files of the published site (so keeping it costs no copy and no space;
 * where links are impossible, copies). A new cache is made beside it and swapped in after the site is
 * published, with the same marker discipline as the work folders ({@link WorkFolder}): a cache that is
 * missing, half-written, corrupt or from another tool is ignored and the build runs cold; a folder that is
 * not a cache of ours is never read nor replaced.
 */
final class BuildCache {

    static final String MANIFEST = "build-cache.txt";
    private static final String HEADER = "# weekly-archive build cache, format 2; tool ";
    private static final String NOTE = "A weekly-archive build cache: what the last build made, for the next one to reuse; safe to delete.";
    private static final String FILES = "files";
    private static final String REPORTS = "reports";

    /**
     * A file of the last build: what it was made from, and the file as it was recorded: its size, time and
     * SHA-256 (the time spares reading the file; a cache restored by a tool that does not keep file times to the
     * millisecond, as a CI cache may, is checked by the hash instead). Size and hash are -1 and empty until recorded.
     */
    private record Entry(String reads, String fingerprint, long size, long modified, String sha) {
        Entry(String reads, String fingerprint) {
            this(reads, fingerprint, -1, -1, "");
        }
    }

    private final Optional<Path> folder;
    private final Map<String, Entry> previous;
    /** Whether the last build's cache is one this tool made, complete: only then are its parsed reports read. */
    private final boolean trusted;
    private final Map<String, Entry> made = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();

    private BuildCache(Optional<Path> folder, Optional<Map<String, Entry>> previous) {
        this.folder = folder;
        this.previous = previous.orElse(Map.of());
        this.trusted = previous.isPresent();
    }

    /** No cache: everything is made, nothing kept. */
    static BuildCache none() {
        return new BuildCache(Optional.empty(), Optional.empty());
    }

    /**
     * The cache in {@code folder}, for a build from {@code source} into {@code output}. A folder that may not
     * be used (not ours, inside the output or the source folder) is a warning, and the build runs without a
     * cache; one that cannot be trusted is ignored, and replaced by this build's.
     */
    static BuildCache open(Path folder, Path source, Path output, Collection<Path> protectedFolders, List<Problem> problems) {
        Path cache = folder.toAbsolutePath().normalize();
        Optional<String> refused = refusal(cache, source, output, protectedFolders);
        if (refused.isPresent()) {
            problems.add(Problem.warning(folder.toString(), 0, refused.get() + "; building without the cache"));
            return none();
        }
        WorkFolder.removeDead(cache.getParent(), cache.getFileName() + ".{new,old}-*", leftover -> { });
        return new BuildCache(Optional.of(cache), read(cache));
    }

    private static Optional<String> refusal(Path cache, Path source, Path output, Collection<Path> protectedFolders) {
        Path real = OutputFolder.realOrNormal(cache);
        Path realOutput = OutputFolder.realOrNormal(output);
        if (real.startsWith(realOutput) || realOutput.startsWith(real)) {
            return Optional.of("the build cache must be a folder of its own, beside the output folder, not in it nor around it");
        }
        if (OutputFolder.realOrNormal(source).startsWith(real)) {
            return Optional.of("the build cache folder contains the source folder");
        }
        for (Path read : protectedFolders) {
            if (real.startsWith(OutputFolder.realOrNormal(read))) {
                return Optional.of("the build cache folder is inside a folder the build reads");
            }
        }
        if (Files.isSymbolicLink(cache)) {
            return Optional.of("the build cache folder is a link; give the folder itself");
        }
        if (Files.exists(cache, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(cache, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of("the build cache is a file, not a folder");
            }
            if (!ours(cache) && !isEmpty(cache)) {
                return Optional.of("this folder is not a weekly-archive build cache (it has no " + WorkFolder.MARKER
                        + " file saying so), so the build will neither read nor replace it");
            }
        }
        return Optional.empty();
    }

    /** A folder carrying our marker with the cache's note: an output folder or work folder is not one. */
    private static boolean ours(Path folder) {
        Path marker = folder.resolve(WorkFolder.MARKER);
        try {
            return Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)
                    && Files.readString(marker, StandardCharsets.UTF_8).startsWith("# " + NOTE);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static boolean isEmpty(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The entries of a cache made by this very tool; empty if anything about it is not as a complete cache is. */
    private static Optional<Map<String, Entry>> read(Path cache) {
        Path manifest = cache.resolve(MANIFEST);
        if (!ours(cache) || !Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
            // The manifest is written last, whole, with a last line that says so: a cut one is not read.
            if (lines.size() < 2 || !lines.get(0).equals(HEADER + ToolIdentity.key()) || !lines.get(lines.size() - 1).equals("# end")) {
                return Optional.empty();
            }
            Map<String, Entry> entries = new TreeMap<>();
            for (String line : lines.subList(1, lines.size() - 1)) {
                String[] fields = line.split("\t", -1);
                if (fields.length != 6 || !safe(fields[0]) || fields[5].length() != 64) {
                    return Optional.empty();
                }
                entries.put(fields[0], new Entry(fields[1], fields[2], Long.parseLong(fields[3]), Long.parseLong(fields[4]), fields[5]));
            }
            return Optional.of(entries);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A site-relative path with forward slashes that stays inside the folder it is resolved in. */
    private static boolean safe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lets {@code reports} take parsed reports from this cache and keep this build's in it, unless it keeps them
     * in memory already (serve, whose next build is in the same process).
     */
    void lendReports(ReportCache reports) {
        if (enabled() && !reports.keepsInMemory()) {
            reports.persistIn(trusted ? Optional.of(folder.get().resolve(REPORTS)) : Optional.empty());
        }
    }

    /** Whether a cache folder is in use (then files made are recorded for the next build). */
    boolean enabled() {
        return folder.isPresent();
    }

    /** How many files were taken from the cache in this build. */
    int reusedCount() {
        return reused.get();
    }

    /** Pages for {@link io.github.weeklyarchive.site.SiteRenderer}: taken from the cache into {@code site}, or recorded as made. */
    PageReuse pages(Path site) {
        if (!enabled()) {
            return PageReuse.NONE;
        }
        return new PageReuse() {
            @Override
            public boolean reuse(String path, Inputs inputs) {
                Entry kept = previous.get(path);
                if (kept == null || kept.reads().equals("chart")) {
                    return false;
                }
                Optional<String> now = inputs.fingerprint(kept.reads());
                if (now.isEmpty() || !now.get().equals(kept.fingerprint()) || !takeInto(site, List.of(path))) {
                    return false;
                }
                made.put(path, kept);
                return true;
            }

            @Override
            public void rendered(String path, String reads, String fingerprint) {
                made.put(path, new Entry(reads, fingerprint));
            }
        };
    }

    /**
     * Takes a chart's {@code files} from the cache into {@code site} if each was drawn from the inputs whose
     * hash is {@code fingerprint}; true if it did (all of them, or none).
     */
    boolean reuseChart(List<String> files, String fingerprint, Path site) {
        if (!enabled()) {
            return false;
        }
        for (String file : files) {
            Entry kept = previous.get(file);
            if (kept == null || !kept.reads().equals("chart") || !kept.fingerprint().equals(fingerprint)) {
                return false;
            }
        }
        if (!takeInto(site, files)) {
            return false;
        }
        files.forEach(file -> made.put(file, previous.get(file)));
        return true;
    }

    /** A chart's files were drawn from the inputs whose hash is {@code fingerprint}. */
    void drewChart(List<String> files, String fingerprint) {
        if (enabled()) {
            files.forEach(file -> made.put(file, new Entry("chart", fingerprint)));
        }
    }

    /**
     * Makes each file of {@code site} that this build wrote (the search index, the data files, assets: what is
     * made whole every time) and that is byte for byte the file at the same place in {@code previous} (the
     * output being replaced, made by the last build) that very file again, linked, so a build rewrites on disk
     * only what changed. Returns how many were kept.
     */
    int keepUnchanged(Path site, Path previous) {
        if (!enabled() || !Files.isDirectory(previous, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int kept = 0;
        try (var walk = Files.walk(site)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                String path = site.relativize(file).toString().replace('\\', '/');
                if (made.containsKey(path) || path.equals(WorkFolder.MARKER) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue; // pages and charts are the cache's already
                }
                Path old = previous.resolve(path);
                if (Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS) && Files.size(old) == Files.size(file) && Files.mismatch(old, file) == -1) {
                    Path aside = file.resolveSibling(file.getFileName() + ".new");
                    Files.move(file, aside);
                    try {
                        Files.createLink(file, old);
                        Files.delete(aside);
                        kept++;
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.move(aside, file); // no links here: the new copy stays
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // only disk writes were to be saved: every file in site is still the right one
        }
        return kept;
    }

    /** Links (or copies) the cached {@code paths} into {@code site}; false, having put none there, if any is not as recorded. */
    private boolean takeInto(Path site, List<String> paths) {
        Path files = folder.orElseThrow().resolve(FILES);
        for (String path : paths) {
            if (!unchanged(files, path, previous.get(path))) {
                return false;
            }
        }
        try {
            for (String path : paths) {
                Path target = site.resolve(path);
                Files.createDirectories(target.getParent());
                linkOrCopy(files.resolve(path), target);
            }
        } catch (IOException | UncheckedIOException e) {
            for (String path : paths) {
                try {
                    Files.deleteIfExists(site.resolve(path));
                } catch (IOException ignored) {
                    // made below by rendering or drawing, over whatever is left
                }
            }
            return false;
        }
        paths.forEach(p -> reused.incrementAndGet());
        return true;
    }

    /** The cached file is a plain file inside the cache, not through a link, as recorded: size, and time or else hash. */
    private static boolean unchanged(Path files, String path, Entry entry) {
        Path file = files.resolve(path);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() != entry.size() || !file.getParent().toRealPath().startsWith(files.toRealPath())) {
                return false;
            }
            return attributes.lastModifiedTime().toMillis() == entry.modified() || sha(file).equals(entry.sha());
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha(Path file) throws IOException {
        return io.github.weeklyarchive.site.ContentHash.ofBytes(Files.readAllBytes(file));
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            // another file system, or one without hard links
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Replaces the cache with what this build made, taken from {@code published}, the site just published.
     * Never fails the build: a cache that cannot be written is a warning, and the next build runs cold.
     */
    void save(Path published, ReportCache reports, List<Problem> problems) {
        if (!enabled()) {
            return;
        }
        Path cache = folder.get();
        String id = UUID.randomUUID().toString();
        try (WorkFolder fresh = WorkFolder.create(cache.resolveSibling(cache.getFileName() + ".new-" + id), NOTE)) {
            Path files = fresh.path().resolve(FILES);
            StringBuilder manifest = new StringBuilder(HEADER + ToolIdentity.key() + "\n");
            for (Map.Entry<String, Entry> made : new TreeMap<>(this.made).entrySet()) {
                Path file = published.resolve(made.getKey());
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Path kept = files.resolve(made.getKey());
                Files.createDirectories(kept.getParent());
                linkOrCopy(file, kept);
                BasicFileAttributes attributes = Files.readAttributes(kept, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                Entry entry = made.getValue();
                // A file taken from the cache is the one whose hash was recorded; only the files made now are read.
                String sha = entry.sha().isEmpty() ? sha(kept) : entry.sha();
                manifest.append(made.getKey()).append('\t').append(entry.reads()).append('\t').append(entry.fingerprint()).append('\t')
                        .append(attributes.size()).append('\t').append(attributes.lastModifiedTime().toMillis()).append('\t')
                        .append(sha).append('\n');
            }
            saveReports(reports, fresh.path().resolve(REPORTS));
            manifest.append("# end\n");
            Files.writeString(fresh.path().resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
            Path old = cache.resolveSibling(cache.getFileName() + ".old-" + id);
            if (Files.exists(cache, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(cache, old);
            }
            fresh.moveTo(cache);
            WorkFolder.delete(old);
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.warning(cache.toString(), 0, "could not keep the build cache (" + e.getMessage()
                    + "); the site was built, and the next build will make every page again"));
        }
    }

    /**
     * The reports this build took from the cache, linked from the old cache, and those it parsed, written; beside them,
     * what was found in each (numbers, promises), the same way.
     */
    private void saveReports(ReportCache reports, Path into) throws IOException {
        Files.createDirectories(into);
        keep(reports.usedKeys(), reports.freshReports(), into);
        keep(reports.foundEarlierNames(), reports.freshFound(), into);
    }

    /** Links the old cache's files {@code earlier} into {@code into} (if it was trusted), and writes {@code fresh}. */
    private void keep(Collection<String> earlier, Map<String, byte[]> fresh, Path into) throws IOException {
        if (trusted) {
            for (String name : earlier) {
                Path kept = folder.get().resolve(REPORTS).resolve(name);
                if (Files.isRegularFile(kept, LinkOption.NOFOLLOW_LINKS)) {
                    linkOrCopy(kept, into.resolve(name));
                }
            }
        }
        for (Map.Entry<String, byte[]> file : fresh.entrySet()) {
            Files.write(into.resolve(file.getKey()), file.getValue());
        }
    }

    /** The files made in this build, for tests: site path to what it read ({@code chart} for a chart). */
    Map<String, String> madeFiles() {
        Map<String, String> files = new TreeMap<>();
        made.forEach((path, entry) -> files.put(path, entry.reads()));
        return files;
    }

    /** Lines of the cache's manifest, for tests. */
    static List<String> manifest(Path cache) throws IOException {
        return new ArrayList<>(Files.readAllLines(cache.resolve(MANIFEST), StandardCharsets.UTF_8));
    }
}
