package io.github.weeklyarchive.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Notices edits in a site folder by comparing file sizes and modification times. The comparison is what decides,
 * because it sees nested folders created later and behaves the same on every operating system; a site has hundreds
 * of files, so a scan takes a few milliseconds. The system's file events ({@link WatchService}: inotify on Linux) only
 * say when to look: a save is seen within milliseconds rather than at the next scan, and where there are no such
 * events, or they are slow (macOS polls), the scans on a timer still see it.
 */
public final class SourceWatcher implements AutoCloseable {

    private static final List<String> WATCHED = List.of("content", "templates", "assets", "jbake.properties", "metrics.yaml");
    /** Without file events, a scan every 0.1 s: an edit is noticed within 0.1 s. */
    private static final Duration SCAN_EVERY = Duration.ofMillis(100);
    /**
     * With them, a scan every second is only a safety net: a scan of 1,000 reports makes a megabyte or two of garbage,
     * and ten a second kept the collector busy (a 0.1 s pause now and then, in the middle of an edit).
     */
    private static final Duration SAFETY_SCAN_EVERY = Duration.ofSeconds(1);
    /**
     * How long after a file event the folder is compared: an editor that writes a file in several steps has
     * finished, and the events of one save wake the loop once.
     */
    private static final long SETTLE_MILLIS = 10;

    private final Path source;
    private final Optional<WatchService> events;
    private final Set<Path> watchedFolders = new HashSet<>();
    private Map<String, String> lastSeen;

    public SourceWatcher(Path source) {
        this.source = source;
        WatchService service;
        try {
            service = source.getFileSystem().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            service = null; // scans on the timer alone
        }
        this.events = Optional.ofNullable(service);
        this.lastSeen = snapshot();
    }

    /**
     * Waits until something in the folder may have changed: returns as soon as the system reports an event in a
     * watched folder, and otherwise after {@link #SCAN_EVERY} (then {@link #changed} tells whether anything changed).
     */
    public void await() throws InterruptedException {
        if (events.isEmpty()) {
            Thread.sleep(SCAN_EVERY.toMillis());
            return;
        }
        try {
            WatchKey key = events.get().poll(SAFETY_SCAN_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            if (key == null) {
                return;
            }
            Thread.sleep(SETTLE_MILLIS);
            for (; key != null; key = events.get().poll()) { // every folder's events of this save, at once
                key.pollEvents();
                if (!key.reset()) { // the folder is gone: watched again if it comes back (a checkout, weeks moved)
                    watchedFolders.remove((Path) key.watchable());
                }
            }
        } catch (ClosedWatchServiceException e) {
            Thread.sleep(SCAN_EVERY.toMillis());
        }
    }

    /** Whether anything was added, removed or changed since the last call. */
    public boolean changed() {
        Map<String, String> now = snapshot();
        boolean changed = !now.equals(lastSeen);
        lastSeen = now;
        return changed;
    }

    private Map<String, String> snapshot() {
        Map<String, String> files = new TreeMap<>();
        for (String name : WATCHED) {
            Path path = source.resolve(name);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.forEach(file -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                        files.put(file.toString(), a.size() + "@" + a.lastModifiedTime().toMillis());
                        if (a.isDirectory()) {
                            watch(file);
                        }
                    } catch (IOException e) {
                        files.put(file.toString(), "gone");
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                files.put(path.toString(), "unreadable");
            }
        }
        watch(source); // jbake.properties, metrics.yaml, and the folders above created later
        return files;
    }

    /** Stops the file events (an inotify instance on Linux, of which a user has few); scans still work. */
    @Override
    public void close() {
        events.ifPresent(service -> {
            try {
                service.close();
            } catch (IOException e) {
                // nothing more to release
            }
        });
    }

    /** Asks for the events of {@code folder}, once; a folder that cannot be watched is still scanned. */
    private void watch(Path folder) {
        if (events.isPresent() && watchedFolders.add(folder)) {
            try {
                folder.register(events.get(), StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            } catch (IOException | UnsupportedOperationException | ClosedWatchServiceException e) {
                // scanned on the timer
            }
        }
    }
}
