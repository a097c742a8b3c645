package io.github.weeklyarchive.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The temporary folder {@code serve} builds the site into, in the system's temporary folder. A preview
 * is thrown away when serve stops: {@link #delete(PrintWriter)} removes the folder and everything in it.
 */
public final class PreviewFolder {

    private final Path root;

    private PreviewFolder(Path root) {
        this.root = root;
    }

    public static PreviewFolder create() throws IOException {
        return new PreviewFolder(Files.createTempDirectory("weekly-archive-preview-"));
    }

    /** Where the site goes, created by the first build that succeeds; builds bake beside it and swap it in. */
    public Path site() {
        return root.resolve("site");
    }

    /** Deletes the folder and everything in it; what cannot be deleted is left, and said so on {@code err}. */
    public void delete(PrintWriter err) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("could not delete the preview folder " + root + ": " + e.getMessage());
        }
    }
}
