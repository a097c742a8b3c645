package io.github.weeklyarchive.pipeline;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Which build of the tool, on which Java, is running: the key of a build cache ({@link BuildCache}), so a
 * cache made by another version (other templates, other rendering, other chart drawing) is never used.
 * The jar is known by the names, sizes and CRCs of its entries (its content: the Pages workflow packages it
 * again on every run, and file times would make every run's cache useless), a classes folder (tests, a
 * development build) by the newest of its files; the Java runtime and system by their versions, since fonts
 * and chart drawing come from there.
 */
final class ToolIdentity {

    private static volatile String key;

    private ToolIdentity() {
    }

    static String key() {
        if (key == null) {
            key = compute();
        }
        return key;
    }

    private static String compute() {
        String runtime = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version") + " "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        try {
            Path code = Path.of(ToolIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                StringBuilder entries = new StringBuilder();
                try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(code.toFile())) {
                    jar.stream().forEach(e -> entries.append(e.getName()).append(' ').append(e.getSize()).append(' ').append(e.getCrc()).append('\n'));
                }
                return "jar " + io.github.weeklyarchive.site.ContentHash.of(entries.toString()) + "; " + runtime;
            }
            long newest = 0;
            long count = 0;
            try (Stream<Path> files = Files.walk(code)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
                    count++;
                }
            }
            return "classes " + count + " " + newest + "; " + runtime;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown: a key no other run shares, so no cache is ever taken for this one.
            return "unknown " + System.nanoTime();
        }
    }
}
