package io.github.weeklyarchive.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The temporary folder {@code serve} builds the site into, in the system's temporary folder. A preview
 * is thrown away when serve stops: {@link #delete(PrintWriter)} removes the folder and everything in it.
 *
 * <p>A serve killed outright ({@code kill -9}) cannot clean up; its folder carries a marker that stays
 * locked while that serve runs, so the next serve removes the folders of dead ones, and only those.
 */
public final class PreviewFolder {

    private static final String PREFIX = "weekly-archive-preview-";
    private static final String MARKER = ".weekly-archive";
    /** Folders of this process: closing a channel on their marker would release their lock. */
    private static final Set<Path> OURS = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final FileChannel lockFile;

    private PreviewFolder(Path root, FileChannel lockFile) {
        this.root = root;
        this.lockFile = lockFile;
    }

    public static PreviewFolder create() throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A preview folder in {@code temporary}, after removing what killed serves left there. */
    static PreviewFolder create(Path temporary) throws IOException {
        removeLeftovers(temporary);
        Path root = Files.createTempDirectory(temporary, PREFIX);
        Files.writeString(root.resolve(MARKER), "# a weekly-archive serve preview; removed when that serve stops\n", StandardCharsets.UTF_8);
        FileChannel channel = FileChannel.open(root.resolve(MARKER), StandardOpenOption.WRITE);
        channel.lock(); // held until the JVM ends: the lock is released with the process, however it ends
        OURS.add(root);
        return new PreviewFolder(root, channel);
    }

    static void removeLeftovers(Path temporary) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temporary, PREFIX + "*")) {
            for (Path folder : folders) {
                if (OURS.contains(folder) || !Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                boolean dead;
                try (FileChannel channel = FileChannel.open(folder.resolve(MARKER), StandardOpenOption.WRITE);
                     FileLock lock = channel.tryLock()) {
                    dead = lock != null;
                } catch (OverlappingFileLockException e) {
                    dead = false;
                }
                if (dead) {
                    deleteTree(folder);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Leftovers that cannot be removed now are tried again by the next serve.
        }
    }

    /** Where the site goes, created by the first build that succeeds; builds bake beside it and swap it in. */
    public Path site() {
        return root.resolve("site");
    }

    /** Deletes the folder and everything in it; what cannot be deleted is left, and said so on {@code err}. */
    public void delete(PrintWriter err) {
        try {
            lockFile.close();
        } catch (IOException e) {
            // the folder goes either way
        }
        OURS.remove(root);
        try {
            deleteTree(root);
        } catch (IOException | UncheckedIOException e) {
            err.println("could not delete the preview folder " + root + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }
}
