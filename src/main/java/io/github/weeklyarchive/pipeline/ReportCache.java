package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.commitments.CommitmentLog;
import io.github.weeklyarchive.commitments.CommitmentsConfig;
import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.report.ParsedReport;
import io.github.weeklyarchive.report.Report;
import java.util.List;
import io.github.weeklyarchive.report.Problem;
import java.util.function.Function;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Parsed reports kept between the builds of one {@code serve} session, so an edit re-parses only the
 * file that changed. A file counts as unchanged while its size and modification time are; parsing
 * is a pure function of the file's bytes, so a kept result is the one a fresh parse would give.
 *
 * <p>With a build cache ({@link #persistIn}), reports are also kept on disk between runs of the tool, each
 * under the SHA-256 of the file's bytes, its path and the screening settings (the cache as a whole is keyed
 * by the tool, {@link BuildCache}); a report dated by git is not kept, since its date is not in its bytes.
 */
public final class ReportCache {

    private record Entry(long size, long modified, ParsedReport parsed) {
    }

    private final boolean enabled;
    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger parsed = new AtomicInteger();
    private String settings = "";
    /** Reports of the build cache's last build, by key ({@link #key}); and where to keep this build's. */
    private volatile Optional<Path> earlier;
    private volatile boolean persisting;
    private final Map<String, byte[]> fresh = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    /** What each kept report stated (metrics, incidents): kept with the report, for the same session or the build cache. */
    private volatile Figures.Extractions extractions;
    /** What each kept report said of dated work (commitments): kept with the report, for the same session or the build cache. */
    private volatile CommitmentLog.Statements statements;
    /** With a build cache: each report's key, and the key's ending for what was found in it with this metrics.yaml. */
    private final Map<Report, String> keys = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private volatile Optional<String> foundSuffix = Optional.empty();
    private final Set<String> foundEarlier = ConcurrentHashMap.newKeySet();
    private static final String FIGURES = ".figures";
    private static final String COMMITMENTS = ".commitments";

    private ReportCache(boolean enabled) {
        this.enabled = enabled;
        this.extractions = enabled ? Figures.Extractions.keeping() : Figures.Extractions.none();
        this.statements = enabled ? CommitmentLog.Statements.keeping() : CommitmentLog.Statements.none();
    }

    Figures.Extractions extractions() {
        return extractions;
    }

    CommitmentLog.Statements statements() {
        return statements;
    }

    /** A cache for a session of several builds. */
    public static ReportCache keeping() {
        return new ReportCache(true);
    }

    /** No cache: every build parses every file (a one-off build has nothing to reuse). */
    public static ReportCache none() {
        return new ReportCache(false);
    }

    /**
     * Takes reports from, and keeps them for, a build cache: {@code earlier} is the folder of the last build's
     * (absent or empty for none).
     */
    void persistIn(Optional<Path> earlier) {
        this.earlier = earlier;
        this.persisting = true;
        this.extractions = Figures.Extractions.keeping();
        this.statements = CommitmentLog.Statements.keeping();
    }

    /**
     * With a build cache, before the figures and the commitments: offers them what the last build found in each report
     * it parsed the same (numbers, incidents, dated promises), kept under the report's key and the hash of metrics.yaml
     * (whose text holds the settings of both), so that adding a week reads the new report, not every report again.
     */
    void offerFound(String metricsYaml, CommitmentsConfig commitments) {
        if (!persisting) {
            return;
        }
        String suffix = "-" + io.github.weeklyarchive.site.ContentHash.ofBytes(metricsYaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        foundSuffix = Optional.of(suffix);
        Map<Report, Object> figures = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        Map<Report, Object> said = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        List<Map.Entry<Report, String>> reports;
        synchronized (keys) {
            reports = List.copyOf(keys.entrySet());
        }
        reports.parallelStream().forEach(report -> {
            readFound(report.getValue() + suffix + FIGURES).ifPresent(found -> figures.put(report.getKey(), found));
            readFound(report.getValue() + suffix + COMMITMENTS).ifPresent(found -> said.put(report.getKey(), found));
        });
        extractions.offer(metricsYaml, figures);
        statements.offer(commitments, said);
    }

    private Optional<Object> readFound(String name) {
        Optional<Path> file = earlier.map(folder -> folder.resolve(name));
        if (file.isEmpty() || !Files.isRegularFile(file.get(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Optional<Object> found = Optional.ofNullable(ReportCodec.decode(Files.readAllBytes(file.get())));
            foundEarlier.add(name);
            return found;
        } catch (IOException | ReportCodec.Invalid e) {
            return Optional.empty(); // damaged: found again, and kept anew
        }
    }

    /** What the last build found that this one was offered and kept ({@link #offerFound}), by name: the next cache keeps it. */
    Set<String> foundEarlierNames() {
        return Set.copyOf(foundEarlier);
    }

    /** What this build found in its reports for the first time, as the build cache keeps it, by name. */
    Map<String, byte[]> freshFound() {
        if (foundSuffix.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> fresh = new java.util.HashMap<>();
        List<Map.Entry<Report, String>> reports;
        synchronized (keys) {
            reports = List.copyOf(keys.entrySet());
        }
        for (Map.Entry<Report, String> report : reports) {
            keepFound(fresh, report.getValue() + foundSuffix.get() + FIGURES, extractions.keptFor(report.getKey()));
            keepFound(fresh, report.getValue() + foundSuffix.get() + COMMITMENTS, statements.keptFor(report.getKey()));
        }
        return fresh;
    }

    private void keepFound(Map<String, byte[]> fresh, String name, Optional<Object> found) {
        if (found.isPresent() && !foundEarlier.contains(name)) {
            try {
                fresh.put(name, ReportCodec.encode(found.get()));
            } catch (IllegalArgumentException e) {
                // what the codec cannot write is found again next time
            }
        }
    }

    /** Whether reports are kept in memory between builds (serve): then they are not kept on disk too. */
    boolean keepsInMemory() {
        return enabled;
    }

    /**
     * The report of {@code file}, whose bytes are read here, once, and given to {@code parse} when no kept report
     * fits them: the build cache's key and the parse are of the same bytes, even if the file is saved meanwhile.
     */
    ParsedReport get(Path file, String shown, Function<byte[], ParsedReport> parse) {
        return persisting ? persisted(file, shown, parse) : get(file, () -> read(file, shown, parse));
    }

    private ParsedReport read(Path file, String shown, Function<byte[], ParsedReport> parse) {
        try {
            return parse.apply(Files.readAllBytes(file));
        } catch (IOException e) {
            return unreadable(shown, e);
        }
    }

    private static ParsedReport unreadable(String shown, IOException e) {
        return new ParsedReport(Optional.empty(), List.of(Problem.error(shown, 0, "cannot read the file: " + e.getMessage())));
    }

    /** The report of the file's bytes from the build cache, else parsed and kept for the next build. */
    private ParsedReport persisted(Path file, String shown, Function<byte[], ParsedReport> parse) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            parsed.incrementAndGet();
            return unreadable(shown, e);
        }
        String key = io.github.weeklyarchive.site.ContentHash.of(io.github.weeklyarchive.site.ContentHash.ofBytes(bytes), shown, settings);
        Optional<Path> kept = earlier.map(folder -> folder.resolve(key));
        if (kept.isPresent() && Files.isRegularFile(kept.get(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (ReportCodec.decode(Files.readAllBytes(kept.get())) instanceof ParsedReport report) {
                    used.add(key);
                    report.report().ifPresent(r -> keys.put(r, key));
                    return report;
                }
            } catch (IOException | ReportCodec.Invalid e) {
                // damaged: parsed again below, and kept anew
            }
        }
        parsed.incrementAndGet();
        ParsedReport report = parse.apply(bytes);
        if (report.report().isPresent() && report.report().get().dateSource() != io.github.weeklyarchive.report.DateSource.GIT) {
            try {
                fresh.put(key, ReportCodec.encode(report));
                keys.put(report.report().get(), key);
            } catch (IllegalArgumentException e) {
                // a report the codec cannot write is parsed again next time
            }
        }
        return report;
    }

    /** Reports taken from the build cache in this build, by key: the next cache keeps them. */
    Set<String> usedKeys() {
        return Set.copyOf(used);
    }

    /** Reports parsed in this build, as the build cache keeps them, by key. */
    Map<String, byte[]> freshReports() {
        return Map.copyOf(fresh);
    }

    ParsedReport get(Path file, Supplier<ParsedReport> parse) {
        if (!enabled) {
            parsed.incrementAndGet();
            return parse.get();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Entry kept = entries.get(file);
            if (kept != null && kept.size() == attributes.size() && kept.modified() == attributes.lastModifiedTime().toMillis()) {
                return kept.parsed();
            }
            parsed.incrementAndGet();
            ParsedReport fresh = parse.get();
            entries.put(file, new Entry(attributes.size(), attributes.lastModifiedTime().toMillis(), fresh));
            return fresh;
        } catch (IOException e) {
            parsed.incrementAndGet();
            return parse.get(); // the parse reports the unreadable file itself
        }
    }

    /**
     * Forgets every kept report when what a parse reads besides the file changed ({@code check.allow} and
     * the other screening settings), so no report is kept with the problems of the old settings.
     */
    synchronized void dependOn(String settings) {
        if (!settings.equals(this.settings)) {
            entries.clear();
            this.settings = settings;
        }
    }

    /** Forgets files that are gone, so a long session does not keep deleted reports. */
    void retainOnly(Collection<Path> files) {
        entries.keySet().retainAll(java.util.Set.copyOf(files));
    }

    /** How many files were parsed (not taken from the cache) so far. */
    public int parsedCount() {
        return parsed.get();
    }
}
