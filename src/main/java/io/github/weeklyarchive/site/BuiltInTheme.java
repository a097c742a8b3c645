package io.github.weeklyarchive.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The templates, assets and {@code jbake.properties} that ship inside the jar (copied there from the
 * repository's top-level {@code templates/}, {@code assets/} and {@code jbake.properties}), so a site
 * folder needs nothing but {@code content/}.
 */
final class BuiltInTheme {

    private static final String ROOT = "site";

    private BuiltInTheme() {
    }

    /** Copies the built-in {@code templates/}, {@code assets/} and {@code jbake.properties} into {@code target}. */
    static void copyTo(Path target) throws IOException {
        URL root = BuiltInTheme.class.getClassLoader().getResource(ROOT + "/jbake.properties");
        if (root == null) {
            throw new IllegalStateException("the built-in theme is missing from the jar: rebuild it with ./mvnw package");
        }
        URI uri;
        try {
            uri = root.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if ("jar".equals(uri.getScheme())) {
            // Opened by path, a jar gets a file system of its own each time, so builds never share (or close) one.
            Path jarFile;
            try {
                jarFile = Path.of(BuiltInTheme.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            try (FileSystem jar = FileSystems.newFileSystem(jarFile, (ClassLoader) null)) {
                copyTree(jar.getPath("/" + ROOT), target);
            }
        } else {
            copyTree(Path.of(uri).getParent(), target);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                Path target = to.resolve(from.relativize(file).toString());
                try {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
