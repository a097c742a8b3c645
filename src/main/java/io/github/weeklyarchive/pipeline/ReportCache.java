package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.report.ParsedReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Parsed reports kept between the builds of one {@code serve} session, so an edit re-parses only the
 * file that changed. A file counts as unchanged while its size and modification time are; parsing
 * is a pure function of the file's bytes, so a kept result is the one a fresh parse would give.
 */
public final class ReportCache {

    private record Entry(long size, long modified, ParsedReport parsed) {
    }

    private final boolean enabled;
    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger parsed = new AtomicInteger();
    private String settings = "";

    private ReportCache(boolean enabled) {
        this.enabled = enabled;
    }

    /** A cache for a session of several builds. */
    public static ReportCache keeping() {
        return new ReportCache(true);
    }

    /** No cache: every build parses every file (a one-off build has nothing to reuse). */
    public static ReportCache none() {
        return new ReportCache(false);
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
