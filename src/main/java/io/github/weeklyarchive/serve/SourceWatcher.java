package io.github.weeklyarchive.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Notices edits in a site folder by comparing file sizes and modification times. Polling is used
 * rather than a WatchService because it sees nested folders created later and behaves the same
 * on every operating system; a site has hundreds of files, so a scan takes a millisecond or two.
 */
public final class SourceWatcher {

    private static final List<String> WATCHED = List.of("content", "templates", "assets", "jbake.properties", "metrics.yaml");

    private final Path source;
    private Map<String, String> lastSeen;

    public SourceWatcher(Path source) {
        this.source = source;
        this.lastSeen = snapshot();
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
                    } catch (IOException e) {
                        files.put(file.toString(), "gone");
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                files.put(path.toString(), "unreadable");
            }
        }
        return files;
    }
}
